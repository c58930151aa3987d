def all_stickers(mine, yours):
    return mine | yours


def both_have(mine, yours):
    return mine & yours


def can_give(mine, yours):
    return mine - yours


def only_one_has(mine, yours):
    return mine ^ yours


def missing(mine, album_size):
    return set(range(1, album_size + 1)) - mine


def different_count(pile):
    return len(set(pile))
