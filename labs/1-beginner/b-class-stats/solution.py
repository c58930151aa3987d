def average(marks):
    return round(sum(marks) / len(marks), 1)


def spread(marks):
    return max(marks) - min(marks)


def longest_name(names):
    return max(names, key=len)


def different_marks(marks):
    return sorted(set(marks))


def total_distance(steps):
    total = 0
    for step in steps:
        total += abs(step)
    return total
