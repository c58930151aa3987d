"""Tests of the clock lab: student objects used through remote handles."""

import unittest

from labcheck import weight
from solution import Clock, ClockError, midpoint, sort_in_place


class ClockTest(unittest.TestCase):
    def test_add(self):
        "add() moves the clock forward"
        c = Clock(8, 0)
        c.add(5)
        self.assertEqual(str(c), "08:05")

    def test_equal(self):
        "clocks showing the same time are equal"
        self.assertEqual(Clock(8, 0).add(65), Clock(9, 5))
        self.assertNotEqual(Clock(8, 0), Clock(8, 1))

    @weight(3)
    def test_wraps(self):
        "add() wraps around midnight"
        for minutes, shown in ((2, "00:01"), (60, "00:59"), (24 * 60, "23:59")):
            with self.subTest(minutes=minutes):
                c = Clock(23, 59)
                c.add(minutes)
                self.assertEqual(str(c), shown)
                self.assertEqual((c.hours, c.minutes), tuple(map(int, shown.split(":"))))

    def test_bad_time(self):
        "Clock(25, 0) raises ClockError, a ValueError"
        with self.subTest("ClockError"):
            with self.assertRaises(ClockError):
                Clock(25, 0)
        with self.subTest("ValueError"):
            self.assertRaises(ValueError, Clock, 0, 60)
        with self.subTest("caught"):
            try:
                Clock(-1, 0)
                caught = False
            except ClockError as e:
                caught = "bad time" in str(e)
            self.assertTrue(caught)

    def test_ticks(self):
        "ticks(n) yields the next n minutes"
        self.assertEqual(list(Clock(8, 0).ticks(3)), ["08:01", "08:02", "08:03"])
        self.assertIn("08:02", Clock(8, 0).ticks(3))

    def test_objects(self):
        "clocks are hashable Clock objects"
        self.assertIsInstance(Clock(1, 2), Clock)
        self.assertEqual(len({Clock(1, 2), Clock(1, 2)}), 1)
        self.assertEqual(repr(Clock(1, 2)), "Clock(1, 2)")

    def test_sort_in_place(self):
        "sort_in_place sorts the list it is given"
        items = [3, 1, 2]
        self.assertIsNone(sort_in_place(items))
        self.assertEqual(items, [1, 2, 3])

    def test_midpoint(self):
        "midpoint returns a Point"
        p = midpoint((0, 0), (2, 4))
        self.assertEqual(p, (1, 2))
        self.assertEqual(p.y, 2)
