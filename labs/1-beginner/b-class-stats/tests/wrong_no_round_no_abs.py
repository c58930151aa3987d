# Forgets to round and to ignore the direction.
def average(marks):
    return sum(marks) / len(marks)


def spread(marks):
    return max(marks) - min(marks)


def longest_name(names):
    return max(names, key=len)


def different_marks(marks):
    return sorted(set(marks))


def total_distance(steps):
    return abs(sum(steps))
