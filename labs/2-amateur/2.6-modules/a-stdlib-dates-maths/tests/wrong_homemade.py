# Home-made date maths: every month has 30 days, leap years every 4 years, round_up with round().
import math

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def weekday_name(date_text):
    y, m, d = map(int, date_text.split("-"))
    return DAYS[(y * 365 + y // 4 + m * 30 + d + 2) % 7]


def add_days(date_text, days):
    y, m, d = map(int, date_text.split("-"))
    total = (m - 1) * 30 + (d - 1) + days
    y += total // 360
    m, d = total % 360 // 30 + 1, total % 30 + 1
    return f"{y:04d}-{m:02d}-{d:02d}"


def is_leap(year):
    return year % 4 == 0


def hypotenuse(a, b):
    return round(math.hypot(a, b), 3)


def round_up(number, step):
    return round(number / step) * step


def gcd_all(*numbers):
    return math.gcd(*numbers)
