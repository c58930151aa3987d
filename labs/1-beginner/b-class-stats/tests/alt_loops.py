def average(marks):
    total = 0
    count = 0
    for m in marks:
        total += m
        count += 1
    return round(total / count, 1)


def spread(marks):
    ordered = sorted(marks)
    return ordered[-1] - ordered[0]


def longest_name(names):
    best = names[0]
    for name in names:
        if len(name) > len(best):
            best = name
    return best


def different_marks(marks):
    result = []
    for m in sorted(marks):
        if m not in result:
            result.append(m)
    return result


def total_distance(steps):
    return sum(abs(s) for s in steps)
