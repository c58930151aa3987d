from datetime import date, timedelta
from functools import reduce
from math import gcd, sqrt


def weekday_name(date_text):
    return date.fromisoformat(date_text).strftime("%A")


def add_days(date_text, days):
    return str(date.fromisoformat(date_text) + timedelta(days))


def is_leap(year):
    try:
        date(year, 2, 29)
        return True
    except ValueError:
        return False


def hypotenuse(a, b):
    return round(sqrt(a ** 2 + b ** 2), 3)


def round_up(number, step):
    return -(-number // step) * step


def gcd_all(*numbers):
    return reduce(gcd, numbers, 0)
