# Correct results, but with loops instead of comprehensions.
def positive_doubles(numbers):
    out = []
    for x in numbers:
        if x > 0:
            out.append(x * 2)
    return out


def grade_labels(scores):
    out = []
    for s in scores:
        out.append("pass" if s >= 50 else "fail")
    return out


def flatten(grid):
    out = []
    for row in grid:
        out.extend(row)
    return out


def times_table(n):
    rows = []
    for i in range(1, n + 1):
        rows.append([i * j for j in range(1, n + 1)])
    return rows
