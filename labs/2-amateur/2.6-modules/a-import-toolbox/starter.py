import math
# add the other three imports here


def circle_area(radius):
    return round(3.14 * radius ** 2, 2)


def top_letters(text, n):
    return []


def middle_value(numbers):
    return sorted(numbers)[len(numbers) // 2]


def days_between(first, second):
    return 0
