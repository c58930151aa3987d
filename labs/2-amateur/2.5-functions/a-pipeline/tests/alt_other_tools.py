# Other correct style: functools.reduce in an inner def, filter unpacked into a list,
# a defaultdict, cheaters dropped with a comprehension after sorting.
import functools
from collections import defaultdict


def pipeline(*steps):
    def run(value):
        return functools.reduce(lambda acc, f: f(acc), steps, value)
    return run


def count_if(test, items):
    return len([*filter(test, items)])


def group_by(key, items):
    groups = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return groups


def leaderboard(players, n):
    ranked = sorted(players, key=lambda p: (-p[1], p[0]))
    honest = [p for p in ranked if p[1] >= 0]
    return list(map(lambda p: p[0], honest))[:n]
