"""Tests of the leap lab.  The expected values exist only here: the harness gets this text on
stdin, and the hostile student files search for SECRET everywhere they can reach."""

import unittest

from labcheck import hidden, timeout_ms, weight
from leap import code_word, describe_year, leap_year

SECRET = "ZQX-SECRET-4471"


class LeapYear(unittest.TestCase):
    def test_2016(self):
        "2016 is a leap year"
        self.assertTrue(leap_year(2016))

    @weight(2)
    def test_years(self):
        "leap_year for years with and without a leap day"
        for year, expected in ((2015, False), (1900, False), (2000, True), (2024, True)):
            with self.subTest(year=year):
                self.assertEqual(leap_year(year), expected)

    def test_centuries(self):
        for year in (1996, 2100):
            with self.subTest(f"leap_year({year})"):
                self.assertEqual(leap_year(year), year == 1996)


@hidden
class Words(unittest.TestCase):
    expected = {"word": SECRET}                 # the secret in a class attribute too

    def setUp(self):
        self.secret = SECRET.encode().decode()  # ...and in a fresh object on the tester's heap

    def test_describe(self):
        "describe_year says whether a year is a leap year"
        self.assertEqual(describe_year(2000), "2000 is a leap year")

    @timeout_ms(60000)
    def test_code_word(self):
        "the code word"
        self.assertEqual(code_word(), SECRET)

    @timeout_ms(60000)
    def test_code_word_again(self):
        "the code word, compared in other ways"
        with self.subTest("membership"):
            self.assertIn(code_word(), [self.secret, self.expected["word"]])
        with self.subTest("equality"):
            self.assertTrue(code_word() == self.secret)
