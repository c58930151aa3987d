# Other comprehension styles: indexes instead of unpacking, sum() of a generator, set() of ages.
def names_older_than(members, age):
    return [m[0] for m in members if m[2] > age]


def club_names(members):
    return {m[1] for m in members}


def club_sizes(members):
    return {c: sum(1 for m in members if m[1] == c) for c in {m[1] for m in members}}


def roster(members):
    clubs = club_names(members)
    return {c: sorted([m[0] for m in members if m[1] == c]) for c in clubs}


def ages_by_club(members):
    return {c: set(m[2] for m in members if m[1] == c) for c in club_names(members)}
