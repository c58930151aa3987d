# Right answers with loops and comprehensions only: no reduce, filter or map, so the rules
# of the lab are not followed.
def pipeline(*steps):
    def run(value):
        for step in steps:
            value = step(value)
        return value
    return run


def count_if(test, items):
    return sum(1 for item in items if test(item))


def group_by(key, items):
    groups = {}
    for item in items:
        k = key(item)
        if k not in groups:
            groups[k] = []
        groups[k].append(item)
    return groups


def leaderboard(players, n):
    good = [p for p in players if p[1] >= 0]
    good.sort(key=lambda p: p[0])
    good.sort(key=lambda p: p[1], reverse=True)
    return [name for name, _ in good[:n]]
