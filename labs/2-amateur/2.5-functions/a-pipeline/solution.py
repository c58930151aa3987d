from functools import reduce


def pipeline(*steps):
    return lambda value: reduce(lambda acc, step: step(acc), steps, value)


def count_if(test, items):
    return len(list(filter(test, items)))


def group_by(key, items):
    groups = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def leaderboard(players, n):
    honest = filter(lambda p: p[1] >= 0, players)
    ranked = sorted(honest, key=lambda p: (-p[1], p[0]))
    return list(map(lambda p: p[0], ranked[:n]))
