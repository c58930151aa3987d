score = 0


def add_points(points):
    global score
    score += points
    return score


def reset():
    global score
    score = 0


def bonus(points, multiplier=2):
    return points * multiplier


def summary(results):
    return (len(results), min(results), max(results), sum(results))
