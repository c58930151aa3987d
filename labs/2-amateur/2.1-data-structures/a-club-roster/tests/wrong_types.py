# >= instead of >, lists instead of sets, unsorted roster.
def names_older_than(members, age):
    return [name for name, club, a in members if a >= age]


def club_names(members):
    return sorted({club for name, club, age in members})


def club_sizes(members):
    return {club: len([m for m in members if m[1] == club]) for club in club_names(members)}


def roster(members):
    return {club: [n for n, c, a in members if c == club] for club in club_names(members)}


def ages_by_club(members):
    return {club: [a for n, c, a in members if c == club] for club in club_names(members)}
