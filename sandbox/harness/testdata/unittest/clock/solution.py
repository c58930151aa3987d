from collections import namedtuple

Point = namedtuple("Point", "x y")


class ClockError(ValueError):
    pass


class Clock:
    def __init__(self, hours, minutes):
        if not (0 <= hours < 24 and 0 <= minutes < 60):
            raise ClockError(f"bad time {hours}:{minutes}")
        self.hours, self.minutes = hours, minutes

    def add(self, minutes):
        total = (self.hours * 60 + self.minutes + minutes) % (24 * 60)
        self.hours, self.minutes = divmod(total, 60)
        return self

    def ticks(self, n):
        for _ in range(n):
            yield str(self.add(1))

    def __str__(self):
        return f"{self.hours:02d}:{self.minutes:02d}"

    def __repr__(self):
        return f"Clock({self.hours}, {self.minutes})"

    def __eq__(self, other):
        return isinstance(other, Clock) and (self.hours, self.minutes) == (other.hours, other.minutes)

    def __hash__(self):
        return hash((self.hours, self.minutes))


def sort_in_place(items):
    items.sort()


def midpoint(a, b):
    return Point((a[0] + b[0]) // 2, (a[1] + b[1]) // 2)
