import math
from collections import Counter
import statistics as stats
from datetime import date


def circle_area(radius):
    return round(math.pi * radius ** 2, 2)


def top_letters(text, n):
    return Counter(ch for ch in text.lower() if ch.isalpha()).most_common(n)


def middle_value(numbers):
    return stats.median(numbers)


def days_between(first, second):
    return (date.fromisoformat(second) - date.fromisoformat(first)).days
