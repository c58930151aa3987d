def all_stickers(mine, yours):
    return {1, 2, 3, 5}


def both_have(mine, yours):
    return {2}


def can_give(mine, yours):
    return {1, 5}


def only_one_has(mine, yours):
    return {1, 3, 5}


def missing(mine, album_size):
    return {3, 4, 6}


def different_count(pile):
    return 3
