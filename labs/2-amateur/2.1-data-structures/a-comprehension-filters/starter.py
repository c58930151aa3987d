def positive_doubles(numbers):
    return [x * 2 for x in numbers]


def grade_labels(scores):
    return ["pass" for s in scores]


def flatten(grid):
    return []


def times_table(n):
    return []
