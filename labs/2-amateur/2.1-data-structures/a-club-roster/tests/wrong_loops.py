# Right results, but built with plain loops: this lab asks for comprehensions.
def names_older_than(members, age):
    result = []
    for name, club, a in members:
        if a > age:
            result.append(name)
    return result


def club_names(members):
    clubs = set()
    for member in members:
        clubs.add(member[1])
    return clubs


def club_sizes(members):
    sizes = {}
    for name, club, age in members:
        sizes[club] = sizes.get(club, 0) + 1
    return sizes


def roster(members):
    r = {}
    for name, club, age in members:
        r.setdefault(club, []).append(name)
    for club in r:
        r[club].sort()
    return r


def ages_by_club(members):
    r = {}
    for name, club, age in members:
        if club not in r:
            r[club] = set()
        r[club].add(age)
    return r
