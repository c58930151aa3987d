import ast

from labcheck import case, case_call, cases, check, call, source_text

# ---- the construct this lab is about: read the student's code with ast -----------------------

KINDS = {ast.ListComp: "a list comprehension", ast.SetComp: "a set comprehension",
         ast.DictComp: "a dictionary comprehension", ast.GeneratorExp: "a generator expression",
         ast.List: "a list", ast.Set: "a set", ast.Dict: "a dictionary", ast.Name: "a variable",
         ast.Call: "the result of a call", ast.Constant: "a constant"}

NEEDS = {
    "filter": ("an if filter inside", lambda c: any(g.ifs for g in c.generators)),
}


def first_loop(tree):
    loops = [n for n in ast.walk(tree) if isinstance(n, (ast.For, ast.AsyncFor, ast.While))]
    if not loops:
        return ""
    n = min(loops, key=lambda n: n.lineno)
    return ("a while loop" if isinstance(n, ast.While) else "a for loop") + f" at line {n.lineno}"


def code_of(name, want, needs):
    """What the student's function returns, read from the code (a short text)."""
    case_call(f"the code of {name}")
    tree = ast.parse(source_text())
    fns = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name]
    if not fns:
        return f"no function {name}"
    rets = [n for n in ast.walk(fns[-1]) if isinstance(n, ast.Return)]
    if not rets:
        return f"{name} has no return"
    for r in rets:
        if type(r.value) is not want:
            got = KINDS.get(type(r.value), "something else")
            return f"line {r.lineno} returns {got}, not {KINDS[want]}"
    lacking = [NEEDS[k][0] for k in needs if not all(NEEDS[k][1](r.value) for r in rets)]
    if lacking:
        return f"{KINDS[want]} without " + " and without ".join(lacking)
    return f"returns {KINDS[want]}" + "".join(" with " + NEEDS[k][0] for k in needs)


def no_loops():
    case_call("your whole file")
    return first_loop(ast.parse(source_text())) or "no for or while loop statements"


# ---- data ----------------------------------------------------------------------------------

MEMBERS = [("Ada", "chess", 14), ("Bo", "drama", 15), ("Cy", "chess", 16), ("Di", "robots", 14)]

ROSTERS = [
    [],
    [("Zoë", "art", 12)],
    [("Eve", "chess", 15), ("Al", "chess", 15), ("Mo", "chess", 13), ("Bea", "chess", 15)],
    [("Kai", "drama", 16), ("Lu", "art", 13), ("Ann", "drama", 13), ("Kai", "art", 16),
     ("Ben", "music", 14), ("Ola", "music", 17)],
]

ABOUT = ["an empty roster", "one member", "one big club with equal ages",
         "a name in two clubs and repeated ages"]


def members():
    return list(MEMBERS)


def roster_no(i):
    return list(ROSTERS[i])


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
def example_names_older_than(s):
    "names_older_than keeps the names of the older members, in order"
    case_call("names_older_than(members, 14)")
    return call(s.names_older_than, members(), 14)


@check(weight=1)
def example_club_names(s):
    "club_names gives the set of clubs"
    case_call("club_names(members)")
    return call(s.club_names, members())


@check(weight=1)
def example_club_sizes(s):
    "club_sizes counts the members of each club"
    case_call("club_sizes(members)")
    return call(s.club_sizes, members())


@check(weight=1)
def example_roster(s):
    "roster lists the names of each club, sorted"
    case_call("roster(members)")
    return call(s.roster, members())


@check(weight=1)
def example_ages_by_club(s):
    "ages_by_club gives the set of ages of each club"
    case_call("ages_by_club(members)")
    return call(s.ages_by_club, members())


@check(weight=2)
@cases(("names_older_than", ast.ListComp, ("filter",)), ("club_names", ast.SetComp, ()),
       ("club_sizes", ast.DictComp, ()), ("roster", ast.DictComp, ()),
       ("ages_by_club", ast.DictComp, ()),
       case(None, None, None, about="no for or while loop anywhere in the file"))
def uses_comprehensions(s, name, want, needs):
    "each function returns the comprehension asked for, and the file has no loops"
    if name is None:
        return no_loops()
    return code_of(name, want, needs)


# ---- hidden checks: other rosters ----------------------------------------------------------


def _older_rows():
    rows = []
    for i in range(len(ROSTERS)):
        for age in (0, 13, 15, 16, 99):
            if i == 0 and age == 13:
                rows.append(case(i, age, about=ABOUT[0]))
            elif i == 3 and age == 13:
                rows.append(case(i, age, about="members exactly as old as age are not older"))
            elif i == 3 and age == 99:
                rows.append(case(i, age, about="nobody is older"))
            elif i == 3 and age == 0:
                rows.append(case(i, age, about="everybody is older"))
            else:
                rows.append((i, age))
    return rows


@check(weight=2, visible=False)
@cases(*_older_rows())
def names_older_than_more(s, i, age):
    "names_older_than keeps only the members older than age, in other rosters"
    return call(s.names_older_than, roster_no(i), age)


@check(weight=2, visible=False)
@cases(*[case("club_names", i, about="club_names: " + ABOUT[i]) for i in range(len(ROSTERS))],
       *[case("club_sizes", i, about="club_sizes: " + ABOUT[i]) for i in range(len(ROSTERS))])
def sets_and_sizes_more(s, fn, i):
    "club_names and club_sizes find every club and count its members, in other rosters"
    return call(getattr(s, fn), roster_no(i))


@check(weight=3, visible=False)
@cases(*[case("roster", i, about="roster: " + ABOUT[i]) for i in range(len(ROSTERS))],
       *[case("ages_by_club", i, about="ages_by_club: " + ABOUT[i]) for i in range(len(ROSTERS))],
       case("unchanged", 3, about="the list of members given is not changed"))
def roster_and_ages_more(s, fn, i):
    "roster and ages_by_club group the names and ages by club, in other rosters"
    data = roster_no(i)
    if fn != "unchanged":
        return call(getattr(s, fn), data)
    case_call("every function called with members, then members itself")
    for name in ("names_older_than", "club_names", "club_sizes", "roster", "ages_by_club"):
        call(getattr(s, name), *((data, 14) if name == "names_older_than" else (data,)))
    return data
