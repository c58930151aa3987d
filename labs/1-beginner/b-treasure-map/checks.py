from labcheck import call, case, cases, check

# Tuples are compared as tuples: a list [3, -1] is not the tuple (3, -1), so the type of every
# position is checked without an extra observation.


@check(weight=3)
@cases(("make_spot", 3, -1), ("move", (3, -1), 2, 5), ("mirror", (3, -1)))
def example_spots(s, function, *args):
    "make_spot, move and mirror give the positions of the README, as tuples"
    return call(getattr(s, function), *args)


@check(weight=1)
def example_steps_between(s):
    "steps_between counts the steps along the grid lines"
    return call(s.steps_between, (1, 2), (4, -2))


@check(weight=1)
def example_lowest_and_highest(s):
    "lowest_and_highest gives the lowest and the highest number as a tuple"
    return call(s.lowest_and_highest, [4, -2, 9, 0])


@check(weight=2, visible=False)
@cases(case("make_spot", 0, 0, about="make_spot at the start of the map"),
       case("make_spot", -7, 12, about="make_spot with a negative x"),
       case("make_spot", 10**9, -1, about="make_spot very far away"),
       case("move", (0, 0), 0, 0, about="move without moving"),
       case("move", (5, 5), -5, -10, about="move left and down"),
       case("move", (-2, 3), 100, 0, about="move only to the right"),
       case("move", (1, 1), 1, -1, about="move right and down"),
       case("mirror", (0, 0), about="mirror the start of the map"),
       case("mirror", (5, 5), about="mirror a spot whose x and y are equal"),
       case("mirror", (-2, 8), about="mirror a spot with a negative x"),
       case("mirror", (7, 0), about="mirror a spot on the x line"))
def spots_more(s, function, *args):
    "make_spot, move and mirror give the right position, as a tuple"
    return call(getattr(s, function), *args)


@check(weight=2, visible=False)
@cases(case((0, 0), (0, 0), about="from a spot to the same spot"),
       case((4, -2), (1, 2), about="walking left and up"),
       case((0, 0), (-3, 0), about="walking only left"),
       case((0, 0), (0, 6), about="walking only up"),
       case((-5, -5), (5, 5), about="from negative to positive numbers"),
       case((2, 9), (2, -9), about="walking only down"),
       case((1000, 1), (-1000, 1), about="far away"))
def steps_between_more(s, a, b):
    "steps_between in every direction (steps are never negative)"
    return call(s.steps_between, a, b)


@check(weight=2, visible=False)
@cases(case([5], about="only one number"),
       case([2, 2, 2], about="all numbers equal"),
       case([-3, -9, -1], about="only negative numbers"),
       case([0.5, -0.5, 0.25], about="decimal numbers"),
       case(list(range(100, 0, -7)), about="a long list from high to low"))
def lowest_and_highest_more(s, numbers):
    "lowest_and_highest finds the lowest and the highest number of other lists, as a tuple"
    return call(s.lowest_and_highest, list(numbers))


@check(weight=1, visible=False)
@cases(case([4, -2, 9, 0], about="the list from the README"),
       case([3, 1, 2], about="a short list"),
       case([10, 30, 20, -5], about="a list with a negative number at the end"))
def numbers_stay_the_same(s, numbers):
    "lowest_and_highest leaves the list it is given as it was"
    given = list(numbers)
    call(s.lowest_and_highest, given)
    return given
