# Takes the last of equally long names and returns a set.
def average(marks):
    return round(sum(marks) / len(marks), 1)


def spread(marks):
    return max(marks) - min(marks)


def longest_name(names):
    best = names[0]
    for name in names:
        if len(name) >= len(best):
            best = name
    return best


def different_marks(marks):
    return set(marks)


def total_distance(steps):
    return sum(abs(s) for s in steps)
