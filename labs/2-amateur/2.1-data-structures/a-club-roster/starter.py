def names_older_than(members, age):
    return [name for name, club, a in members]


def club_names(members):
    return [club for name, club, age in members]


def club_sizes(members):
    return {}


def roster(members):
    return {}


def ages_by_club(members):
    return {}
