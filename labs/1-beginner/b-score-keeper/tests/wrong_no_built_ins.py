# Finds the lowest and highest score and the total with a loop instead of min, max and sum.
score = 0


def add_points(points):
    global score
    score = score + points
    return score


def reset():
    global score
    score = 0
    return None


def bonus(points, multiplier=2):
    result = 0
    result = points * multiplier
    return result


def summary(results):
    lowest = highest = results[0]
    total = 0
    for r in results:
        if r < lowest:
            lowest = r
        if r > highest:
            highest = r
        total += r
    return len(results), lowest, highest, total
