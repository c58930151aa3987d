# Uses |= and -=, which change the set that was given.
def all_stickers(mine, yours):
    mine |= yours
    return mine


def both_have(mine, yours):
    return mine & yours


def can_give(mine, yours):
    mine -= yours
    return mine


def only_one_has(mine, yours):
    return mine ^ yours


def missing(mine, album_size):
    return set(range(1, album_size + 1)) - mine


def different_count(pile):
    return len(set(pile))
