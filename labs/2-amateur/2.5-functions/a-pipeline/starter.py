def pipeline(*steps):
    def run(value):
        # pass value through every step, one after the other
        return value
    return run


def count_if(test, items):
    return len(items)


def group_by(key, items):
    return {}


def leaderboard(players, n):
    return [name for name, score in players][:n]
