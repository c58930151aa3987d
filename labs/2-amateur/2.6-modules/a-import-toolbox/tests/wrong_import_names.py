# Imports statistics without "as stats" and the whole datetime module; counts capitals apart.
import math
import statistics
import datetime
from collections import Counter


def circle_area(radius):
    return round(math.pi * radius ** 2, 2)


def top_letters(text, n):
    return Counter(ch for ch in text if ch.isalpha()).most_common(n)


def middle_value(numbers):
    return statistics.median(numbers)


def days_between(first, second):
    d = datetime.date.fromisoformat
    return (d(second) - d(first)).days
