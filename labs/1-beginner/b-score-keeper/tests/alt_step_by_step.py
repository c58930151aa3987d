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
    result = points * multiplier
    return result


def summary(results):
    games = len(results)
    lowest = min(results)
    highest = max(results)
    total = sum(results)
    return games, lowest, highest, total
