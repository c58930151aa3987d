# Keeps 0 (>= 0), uses > 50 for pass, and the table starts at 0.
def positive_doubles(numbers):
    return [x * 2 for x in numbers if x >= 0]


def grade_labels(scores):
    return ["pass" if s > 50 else "fail" for s in scores]


def flatten(grid):
    return [x for row in grid for x in row]


def times_table(n):
    return [[i * j for j in range(1, n + 1)] for i in range(1, n + 1)]
