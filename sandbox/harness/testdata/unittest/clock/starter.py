class ClockError(Exception):
    pass


class Clock:
    def __init__(self, hours, minutes):
        self.hours, self.minutes = hours, minutes

    def add(self, minutes):
        self.minutes += minutes
        return self

    def ticks(self, n):
        return []

    def __str__(self):
        return f"{self.hours:02d}:{self.minutes:02d}"


def sort_in_place(items):
    return sorted(items)


def midpoint(a, b):
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
