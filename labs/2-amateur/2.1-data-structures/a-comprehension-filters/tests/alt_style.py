def positive_doubles(numbers):
    return [2 * number for number in numbers if not number <= 0]


def grade_labels(scores):
    return ["fail" if score < 50 else "pass" for score in scores]


def flatten(grid):
    return [value for row in grid for value in row]


def times_table(n):
    numbers = list(range(1, n + 1))
    return [[a * b for b in numbers] for a in numbers]
