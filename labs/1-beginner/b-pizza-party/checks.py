from labcheck import check, call

# Visible checks: the examples from README.md.


@check(weight=1)
def example_slices_each(s):
    "slices_each(3, 4)"
    return call(s.slices_each, 3, 4)


@check(weight=1)
def example_slices_left(s):
    "slices_left(3, 5)"
    return call(s.slices_left, 3, 5)


@check(weight=1)
def example_average_rating(s):
    "average_rating(4, 5, 3)"
    return call(s.average_rating, 4, 5, 3)


@check(weight=1)
def example_pizzas_needed(s):
    "pizzas_needed(5, 3)"
    return call(s.pizzas_needed, 5, 3)


# Hidden checks: other numbers, edge cases.  Many cases per check, so that an answer that is
# hard-coded for the examples cannot pass.


@check(weight=2, visible=False)
def slices_each_more(s):
    "slices_each with other numbers (one person, more people than slices, big parties)"
    cases = [(1, 1), (1, 3), (2, 16), (1, 9), (0, 5), (7, 3), (100, 7), (12, 96)]
    return [call(s.slices_each, p, q) for p, q in cases]


@check(weight=2, visible=False)
def slices_left_more(s):
    "slices_left with other numbers (nothing left, everything left)"
    cases = [(1, 1), (1, 3), (2, 16), (1, 9), (0, 5), (7, 3), (100, 7), (3, 4)]
    return [call(s.slices_left, p, q) for p, q in cases]


@check(weight=1, visible=False)
def average_rating_more(s):
    "average_rating with other ratings (results that are not round)"
    cases = [(1, 2, 3), (4, 4, 5), (0, 0, 1), (10, 10, 10), (5, 5, 4), (2.5, 3.5, 4.5)]
    return [call(s.average_rating, *c) for c in cases]


@check(weight=1, visible=False)
def pizzas_needed_more(s):
    "pizzas_needed with other numbers (exactly full pizzas, nobody coming)"
    cases = [(8, 1), (1, 8), (1, 9), (4, 4), (0, 3), (3, 0), (9, 1), (25, 3)]
    return [call(s.pizzas_needed, p, q) for p, q in cases]
