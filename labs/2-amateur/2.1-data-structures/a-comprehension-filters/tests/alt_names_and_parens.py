# Other names, brackets around the if/else, and addition instead of * 2.
def positive_doubles(numbers):
    return [number + number for number in numbers if number > 0]


def grade_labels(scores):
    return [("pass" if score >= 50 else "fail") for score in scores]


def flatten(grid):
    return [cell for line in grid for cell in line]


def times_table(n):
    return [[row * col for col in range(1, n + 1)] for row in range(1, n + 1)]
