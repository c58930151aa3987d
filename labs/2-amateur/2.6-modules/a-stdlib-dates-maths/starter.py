import calendar
import datetime
import math


def weekday_name(date_text):
    return "Monday"


def add_days(date_text, days):
    # date.fromisoformat(...) + timedelta(days=...)
    return date_text


def is_leap(year):
    return year % 4 == 0


def hypotenuse(a, b):
    return round(math.sqrt(a * a + b * b), 3)


def round_up(number, step):
    return number


def gcd_all(*numbers):
    return 1
