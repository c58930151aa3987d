from labcheck import check, call


@check(weight=1)
def example_dice(s):
    'dice_rolls(42, 3)'
    return call(s.dice_rolls, 42, 3)


@check(weight=1)
def example_itertools(s):
    'team_pairs(["Ann", "Bo", "Cy"]), running_totals([5, 10, -3]), all_codes("ab", 2)'
    return [call(s.team_pairs, ["Ann", "Bo", "Cy"]), call(s.running_totals, [5, 10, -3]),
            call(s.all_codes, "ab", 2)]


@check(weight=3, visible=False)
def random_more(s):
    "dice_rolls, shuffled and pick_winner with other seeds, sizes, and the list left unchanged"
    rolls = [call(s.dice_rolls, seed, n) for seed, n in [(1, 10), (2, 10), (42, 0), (2024, 25)]]
    out = []
    for seed, items in [(1, list(range(10))), (7, ["Zoë", "Li", "Max"]), (3, []), (99, ["x"])]:
        original = list(items)
        out.append([call(s.shuffled, seed, original), original])
    winners = [call(s.pick_winner, seed, ["Ann", "Bo", "Cy", "Di", "Ed"]) for seed in range(8)]
    return [rolls, out, winners]


@check(weight=3, visible=False)
def itertools_more(s):
    "team_pairs, running_totals and all_codes with empty and single inputs and bigger ones"
    return [[call(s.team_pairs, x) for x in [[], ["solo"], ["a", "b"], list("wxyz")]],
            [call(s.running_totals, x) for x in [[], [7], [1, -1, 1, -1], [0.5, 0.25], list(range(10))]],
            [call(s.all_codes, l, n) for l, n in [("xy", 0), ("abc", 1), ("01", 3), ("aab", 2), ("", 2)]]]
