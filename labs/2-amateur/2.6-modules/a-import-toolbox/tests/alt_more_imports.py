import math
from collections import Counter
import statistics as stats
from datetime import date
from math import pi


def circle_area(radius):
    return round(pi * radius * radius, 2)


def top_letters(text, n):
    counts = Counter()
    for ch in text:
        if ch.isalpha():
            counts[ch.lower()] += 1
    return counts.most_common(n)


def middle_value(numbers):
    return stats.median(list(numbers))


def days_between(first, second):
    a = date.fromisoformat(first)
    b = date.fromisoformat(second)
    return (b - a).days
