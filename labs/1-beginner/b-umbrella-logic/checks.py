from labcheck import check, call, type_name

BOTH = [(False, False), (False, True), (True, False), (True, True)]


def table(fn):
    """The function's answers for every combination of two booleans, with their types."""
    results = [call(fn, a, b) for a, b in BOTH]
    return [results, [type_name(r) for r in results]]


@check(weight=1)
def example_answers(s):
    "need_umbrella(False, True), can_play_outside(True, True), exactly_one(True, True), is_teen(13), free_entry(30, False)"
    return [call(s.need_umbrella, False, True), call(s.can_play_outside, True, True),
            call(s.exactly_one, True, True), call(s.is_teen, 13), call(s.free_entry, 30, False)]


@check(weight=2, visible=False)
def need_umbrella_all(s):
    "need_umbrella for every combination of True and False"
    return table(s.need_umbrella)


@check(weight=2, visible=False)
def can_play_outside_all(s):
    "can_play_outside for every combination of True and False"
    return table(s.can_play_outside)


@check(weight=2, visible=False)
def exactly_one_all(s):
    "exactly_one for every combination of True and False"
    return table(s.exactly_one)


@check(weight=2, visible=False)
def is_teen_boundaries(s):
    "is_teen from 0 to 25 (and the type of the answer)"
    results = [call(s.is_teen, age) for age in range(0, 26)]
    return [results, sorted(set(type_name(r) for r in results))]


@check(weight=2, visible=False)
def free_entry_boundaries(s):
    "free_entry at the age boundaries 5, 6, 64, 65, for members and non-members"
    ages = [0, 5, 6, 7, 30, 64, 65, 66, 100]
    results = [[call(s.free_entry, a, m) for a in ages] for m in (False, True)]
    return [results, sorted(set(type_name(r) for row in results for r in row))]
