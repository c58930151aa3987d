from labcheck import case, case_call, cases, check, call

# team_pairs must give tuples: tuples and lists are different observations, so a list of
# lists fails without any extra type check.

NAMES = ["Ann", "Bo", "Cy", "Di", "Ed"]


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
def example_dice(s):
    "dice_rolls with the seed 42 gives the same rolls as the README"
    return call(s.dice_rolls, 42, 3)


@check(weight=1)
@cases(("team_pairs", (["Ann", "Bo", "Cy"],)), ("running_totals", ([5, 10, -3],)),
       ("all_codes", ("ab", 2)))
def example_itertools(s, name, args):
    "pairs, running totals and codes made with itertools (the README's examples)"
    return call(getattr(s, name), *args)


# ---- hidden checks --------------------------------------------------------------------------

@check(weight=3, visible=False)
@cases(case("dice_rolls", 1, 10, about="ten rolls with another seed"),
       case("dice_rolls", 2, 10, about="ten rolls with a third seed"),
       case("dice_rolls", 42, 0, about="no rolls at all"),
       case("dice_rolls", 2024, 25, about="many rolls"),
       case("shuffled", 1, list(range(10)), about="ten numbers shuffled; the list given stays"),
       case("shuffled", 7, ["Zoë", "Li", "Max"], about="three names shuffled; the list stays"),
       case("shuffled", 3, [], about="an empty list shuffled"),
       case("shuffled", 99, ["x"], about="a list of one item shuffled"),
       *[case("pick_winner", seed, NAMES, about=f"a winner drawn with the seed {seed}")
         for seed in range(8)])
def random_more(s, name, seed, arg):
    "rolls, shuffles and winners with other seeds and sizes; the list given does not change"
    if name != "shuffled":
        return call(getattr(s, name), seed, arg)
    original = list(arg)
    case_call(f"items = {original!r}; shuffled({seed}, items), items")
    return call(s.shuffled, seed, original), original


@check(weight=3, visible=False)
@cases(case("team_pairs", ([],), about="pairs of nobody"),
       case("team_pairs", (["solo"],), about="pairs of one name"),
       case("team_pairs", (["a", "b"],), about="pairs of two names"),
       case("team_pairs", (list("wxyz"),), about="pairs of four names"),
       case("running_totals", ([],), about="running totals of an empty list"),
       case("running_totals", ([7],), about="running totals of one number"),
       case("running_totals", ([1, -1, 1, -1],), about="running totals going up and down"),
       case("running_totals", ([0.5, 0.25],), about="running totals of floats"),
       case("running_totals", (list(range(10)),), about="running totals of ten numbers"),
       case("all_codes", ("xy", 0), about="codes of length 0"),
       case("all_codes", ("abc", 1), about="codes of length 1"),
       case("all_codes", ("01", 3), about="codes of length 3"),
       case("all_codes", ("aab", 2), about="a letter that is given twice"),
       case("all_codes", ("", 2), about="no letters at all"))
def itertools_more(s, name, args):
    "pairs, running totals and codes for empty, single and bigger inputs"
    return call(getattr(s, name), *args)
