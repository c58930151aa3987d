# Loops do the work, and a comprehension only copies the result at the end.
def positive_doubles(numbers):
    out = []
    for x in numbers:
        if x > 0:
            out.append(x * 2)
    return [x for x in out]


def grade_labels(scores):
    labels = []
    for s in scores:
        if s >= 50:
            labels.append("pass")
        else:
            labels.append("fail")
    return [label for label in labels]


def flatten(grid):
    out = []
    for row in grid:
        out += row
    return [x for x in out]


def times_table(n):
    rows = []
    for i in range(1, n + 1):
        rows.append([i * j for j in range(1, n + 1)])
    return [row for row in rows]
