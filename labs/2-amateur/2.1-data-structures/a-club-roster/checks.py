from labcheck import check, call, type_name

MEMBERS = [("Ada", "chess", 14), ("Bo", "drama", 15), ("Cy", "chess", 16), ("Di", "robots", 14)]

OTHERS = [
    [],
    [("Zoë", "art", 12)],
    [("Eve", "chess", 15), ("Al", "chess", 15), ("Mo", "chess", 13), ("Bea", "chess", 15)],
    [("Kai", "drama", 16), ("Lu", "art", 13), ("Ann", "drama", 13), ("Kai", "art", 16),
     ("Ben", "music", 14), ("Ola", "music", 17)],
]


def members():
    return [tuple(m) for m in MEMBERS]


@check(weight=1)
def example_names_older_than(s):
    "names_older_than(members, 14)"
    return call(s.names_older_than, members(), 14)


@check(weight=1)
def example_club_names(s):
    "club_names(members) gives a set"
    r = call(s.club_names, members())
    return [r, type_name(r)]


@check(weight=1)
def example_club_sizes(s):
    "club_sizes(members)"
    return call(s.club_sizes, members())


@check(weight=1)
def example_roster(s):
    "roster(members)"
    return call(s.roster, members())


@check(weight=1)
def example_ages_by_club(s):
    "ages_by_club(members) gives sets"
    r = call(s.ages_by_club, members())
    kinds = sorted({type_name(v) for v in r.values()}) if type(r) is dict else type_name(r)
    return [r, kinds]


@check(weight=2, visible=False)
def names_older_than_more(s):
    "names_older_than with other rosters and ages (boundaries, nobody, everybody)"
    out = []
    for m in OTHERS:
        for age in (0, 13, 15, 16, 99):
            out.append(call(s.names_older_than, [tuple(x) for x in m], age))
    return out


@check(weight=2, visible=False)
def sets_and_sizes_more(s):
    "club_names and club_sizes with other rosters (empty, one member, one big club)"
    out = []
    for m in OTHERS:
        names = call(s.club_names, [tuple(x) for x in m])
        out.append([names, type_name(names), call(s.club_sizes, [tuple(x) for x in m])])
    return out


@check(weight=3, visible=False)
def roster_and_ages_more(s):
    "roster and ages_by_club with other rosters (same names in two clubs, same ages); input unchanged"
    out = []
    for m in OTHERS:
        data = [tuple(x) for x in m]
        r = call(s.ages_by_club, data)
        kinds = sorted({type_name(v) for v in r.values()}) if type(r) is dict else type_name(r)
        out.append([call(s.roster, data), r, kinds, data])
    return out
