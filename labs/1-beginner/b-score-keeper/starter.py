score = 0


def add_points(points):
    score = points  # Hmm: is this the global score? And should it be = or += ?
    return score


def reset():
    pass


def bonus(points, multiplier):
    return points * multiplier


def summary(results):
    return (len(results), 0, 0, 0)
