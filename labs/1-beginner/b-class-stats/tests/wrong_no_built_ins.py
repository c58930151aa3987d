# Right answers, but spread and total_distance do everything with loops and no built-in
# function (the README asks for one in every function).
def average(marks):
    return round(sum(marks) / len(marks), 1)


def spread(marks):
    low = marks[0]
    high = marks[0]
    for m in marks:
        if m < low:
            low = m
        if m > high:
            high = m
    return high - low


def longest_name(names):
    return max(names, key=len)


def different_marks(marks):
    return sorted(set(marks))


def total_distance(steps):
    total = 0
    for step in steps:
        if step < 0:
            total = total - step
        else:
            total = total + step
    return total
