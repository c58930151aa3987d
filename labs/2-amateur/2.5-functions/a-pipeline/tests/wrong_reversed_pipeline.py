# Runs the steps from right to left, keeps the cheaters, and breaks ties the wrong way.
def pipeline(*steps):
    def run(value):
        for step in reversed(steps):
            value = step(value)
        return value
    return run


def count_if(test, items):
    return len([i for i in items if test(i)])


def group_by(key, items):
    groups = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def leaderboard(players, n):
    ranked = sorted(players, key=lambda p: (p[1], p[0]), reverse=True)
    return [p[0] for p in ranked[:n]]
