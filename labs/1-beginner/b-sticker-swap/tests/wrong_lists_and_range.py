# Returns lists, and the album starts at 0 and misses its last number.
def all_stickers(mine, yours):
    return sorted(mine | yours)


def both_have(mine, yours):
    return sorted(mine & yours)


def can_give(mine, yours):
    return sorted(mine - yours)


def only_one_has(mine, yours):
    return sorted(mine ^ yours)


def missing(mine, album_size):
    return set(range(album_size)) - mine


def different_count(pile):
    return len(set(pile))
