from labcheck import check, call


@check(weight=1)
def example_pipeline(s):
    'pipeline(str.strip, str.lower, lambda t: t.replace(" ", "-"))("  Hello World ") and pipeline()(42)'
    clean = call(s.pipeline, str.strip, str.lower, lambda t: t.replace(" ", "-"))
    return [call(clean, "  Hello World "), call(call(s.pipeline), 42)]


@check(weight=1)
def example_count_if_and_group_by(s):
    'count_if(lambda n: n % 2 == 0, [1, 2, 3, 4, 6]) and group_by(len, ["ox", "cat", "be", "dog"])'
    return [call(s.count_if, lambda n: n % 2 == 0, [1, 2, 3, 4, 6]),
            call(s.group_by, len, ["ox", "cat", "be", "dog"])]


@check(weight=1)
def example_leaderboard(s):
    'leaderboard([("Ann", 50), ("Bo", 80), ("Cy", -5), ("Di", 80)], 2)'
    return call(s.leaderboard, [("Ann", 50), ("Bo", 80), ("Cy", -5), ("Di", 80)], 2)


@check(weight=3, visible=False)
def pipeline_more(s):
    "pipelines with one step, the order of steps, many steps, lists, and two pipelines at once"
    add1 = lambda n: n + 1       # noqa: E731
    dbl = lambda n: n * 2        # noqa: E731
    p1 = call(s.pipeline, add1, dbl)
    p2 = call(s.pipeline, dbl, add1)
    p3 = call(s.pipeline, *[add1] * 10)
    p4 = call(s.pipeline, sorted, reversed, list, lambda l: l[:2])
    p5 = call(s.pipeline, len)
    return [call(p1, 5), call(p2, 5), call(p3, 0), call(p4, [3, 1, 2]), call(p5, "Zoë"),
            call(p1, -1), call(p2, 0.5)]


@check(weight=2, visible=False)
def count_if_more(s):
    "count_if with empty lists, nothing matching, everything matching, strings"
    return [call(s.count_if, bool, []), call(s.count_if, lambda n: n > 100, [1, 2]),
            call(s.count_if, lambda n: n >= 0, [0, 1, 2]), call(s.count_if, str.isupper, "aBcDE"),
            call(s.count_if, bool, [0, "", None, [], "x", 1])]


@check(weight=2, visible=False)
def group_by_more(s):
    "group_by with empty lists, one group, boolean keys, first letters"
    return [call(s.group_by, len, []), call(s.group_by, lambda n: "all", [3, 1, 2]),
            call(s.group_by, lambda n: n % 3, list(range(10))),
            call(s.group_by, lambda w: w[0].lower(), ["Apple", "avocado", "Banana", "blueberry", "cherry"]),
            call(s.group_by, lambda n: n > 0, [-1, 2, -3, 4])]


@check(weight=3, visible=False)
def leaderboard_more(s):
    "leaderboard with ties, zero scores, only cheaters, n bigger than the list, n = 0"
    players = [("Zoë", 10), ("Al", 10), ("Max", 0), ("Eve", -1), ("Bob", 99), ("Cat", 10),
               ("Dan", -100), ("Ann", 0)]
    return [call(s.leaderboard, players, n) for n in [0, 1, 3, 4, 20]] + [
        call(s.leaderboard, [("X", -1), ("Y", -2)], 5), call(s.leaderboard, [], 3)]
