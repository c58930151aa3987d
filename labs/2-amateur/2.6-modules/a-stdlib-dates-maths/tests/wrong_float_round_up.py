# round_up computed with true division and a float step count: the right size, but a float
# (25.0) where a whole number (25) is asked for.
import calendar
import datetime
import math


def weekday_name(date_text):
    return calendar.day_name[datetime.date.fromisoformat(date_text).weekday()]


def add_days(date_text, days):
    day = datetime.date.fromisoformat(date_text) + datetime.timedelta(days=days)
    return day.isoformat()


def is_leap(year):
    return calendar.isleap(year)


def hypotenuse(a, b):
    return round(math.hypot(a, b), 3)


def round_up(number, step):
    steps = number / step
    if steps != int(steps):
        steps = int(steps) + 1
    return steps * step


def gcd_all(*numbers):
    return math.gcd(*numbers)
