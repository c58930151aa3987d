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
    return math.ceil(number / step) * step


def gcd_all(*numbers):
    return math.gcd(*numbers)
