def all_stickers(mine, yours):
    return mine.union(yours)


def both_have(mine, yours):
    result = set()
    for x in mine:
        if x in yours:
            result.add(x)
    return result


def can_give(mine, yours):
    return mine.difference(yours)


def only_one_has(mine, yours):
    return (mine | yours) - (mine & yours)


def missing(mine, album_size):
    result = set()
    for n in range(1, album_size + 1):
        if n not in mine:
            result.add(n)
    return result


def different_count(pile):
    seen = []
    for x in pile:
        if x not in seen:
            seen.append(x)
    return len(seen)
