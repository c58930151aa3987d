from labcheck import check, call, type_name


@check(weight=2)
def example_add_points(s):
    "add_points(5), add_points(3), then score; reset(), then score"
    first = call(s.add_points, 5)
    second = call(s.add_points, 3)
    after_adding = getattr(s, "score", "no variable score")
    reset_result = call(s.reset)
    after_reset = getattr(s, "score", "no variable score")
    return [first, second, after_adding, reset_result, after_reset]


@check(weight=1)
def example_bonus(s):
    "bonus(10) and bonus(10, 3)"
    return [call(s.bonus, 10), call(s.bonus, 10, 3)]


@check(weight=1)
def example_summary(s):
    "summary([7, 3, 9]) gives a tuple"
    r = call(s.summary, [7, 3, 9])
    return [r, type_name(r)]


@check(weight=1, visible=False)
def score_starts_at_zero(s):
    "score is 0 before anything happens"
    return getattr(s, "score", "no variable score")


@check(weight=2, visible=False)
def add_points_more(s):
    "add_points many times, with negative points, after a reset"
    seen = [call(s.add_points, p) for p in (10, -4, 0, 100)]
    call(s.reset)
    seen.append(call(s.add_points, 7))
    seen.append(getattr(s, "score", None))
    return seen


@check(weight=1, visible=False)
def bonus_does_not_change_score(s):
    "bonus with other numbers, keyword arguments, and score afterwards"
    call(s.add_points, 4)
    got = [call(s.bonus, 0), call(s.bonus, 7), call(s.bonus, 5, 0), call(s.bonus, -3, 4),
           call(s.bonus, points=6, multiplier=5), call(s.bonus, 2.5)]
    return [got, getattr(s, "score", None)]


@check(weight=2, visible=False)
def summary_more(s):
    "summary with one game, negative scores and equal scores"
    cases = [[5], [-2, -8, 0], [4, 4, 4, 4], list(range(1, 101)), [0.5, 1.5]]
    return [call(s.summary, c) for c in cases]
