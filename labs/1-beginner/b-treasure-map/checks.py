from labcheck import check, call, type_name


def with_type(value):
    return [value, type_name(value)]


@check(weight=1)
def example_make_spot(s):
    "make_spot(3, -1) gives a tuple"
    return with_type(call(s.make_spot, 3, -1))


@check(weight=1)
def example_move(s):
    "move((3, -1), 2, 5) gives a tuple"
    return with_type(call(s.move, (3, -1), 2, 5))


@check(weight=1)
def example_mirror(s):
    "mirror((3, -1))"
    return with_type(call(s.mirror, (3, -1)))


@check(weight=1)
def example_steps_between(s):
    "steps_between((1, 2), (4, -2))"
    return call(s.steps_between, (1, 2), (4, -2))


@check(weight=1)
def example_lowest_and_highest(s):
    "lowest_and_highest([4, -2, 9, 0])"
    return with_type(call(s.lowest_and_highest, [4, -2, 9, 0]))


@check(weight=2, visible=False)
def spots_more(s):
    "make_spot, move and mirror with zeros, negative steps and big numbers"
    made = [with_type(call(s.make_spot, x, y)) for x, y in [(0, 0), (-7, 12), (10**9, -1)]]
    moved = [with_type(call(s.move, p, dx, dy))
             for p, dx, dy in [((0, 0), 0, 0), ((5, 5), -5, -10), ((-2, 3), 100, 0), ((1, 1), 1, -1)]]
    mirrored = [with_type(call(s.mirror, p)) for p in [(0, 0), (5, 5), (-2, 8), (7, 0)]]
    return [made, moved, mirrored]


@check(weight=2, visible=False)
def steps_between_more(s):
    "steps_between the same spot, in every direction, and far away"
    pairs = [((0, 0), (0, 0)), ((4, -2), (1, 2)), ((0, 0), (-3, 0)), ((0, 0), (0, 6)),
             ((-5, -5), (5, 5)), ((2, 9), (2, -9)), ((1000, 1), (-1000, 1))]
    return [call(s.steps_between, a, b) for a, b in pairs]


@check(weight=2, visible=False)
def lowest_and_highest_more(s):
    "lowest_and_highest with one number, equal numbers, only negatives and decimals"
    lists = [[5], [2, 2, 2], [-3, -9, -1], [0.5, -0.5, 0.25], list(range(100, 0, -7))]
    return [with_type(call(s.lowest_and_highest, list(x))) for x in lists]


@check(weight=1, visible=False)
def spot_stays_the_same(s):
    "After move and mirror, the original spot is still the same"
    spot = (6, 2)
    call(s.move, spot, 1, 1)
    call(s.mirror, spot)
    return with_type(spot)
