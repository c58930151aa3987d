from labcheck import check, cases, case, call

# The lesson is about int and float (1.1.2): //, % and / give different types, so every check
# compares types exactly (8.0 is not accepted where 8 is expected, nor 4 where 4.0 is).

# Visible checks: exactly the examples from README.md.


@check(weight=1, exact_types=True)
def example_slices_each(s):
    "slices_each(3, 4) shares 3 pizzas fairly between 4 people, in whole slices"
    return call(s.slices_each, 3, 4)


@check(weight=1, exact_types=True)
def example_slices_left(s):
    "slices_left(3, 5) counts the slices nobody gets"
    return call(s.slices_left, 3, 5)


@check(weight=1, exact_types=True)
def example_average_rating(s):
    "average_rating(4, 5, 3) gives the average as a decimal number"
    return call(s.average_rating, 4, 5, 3)


@check(weight=1, exact_types=True)
def example_pizzas_needed(s):
    "pizzas_needed(5, 3) orders enough whole pizzas for everybody"
    return call(s.pizzas_needed, 5, 3)


# Hidden checks: many inputs, edge cases, more weight.


@check(weight=2, visible=False, exact_types=True)
@cases((1, 1), (1, 3), (2, 16), (1, 9), case(0, 5, about="no pizzas at all"),
       (7, 3), case(100, 7, about="a very big party"), (12, 96))
def slices_each_more(s, pizzas, people):
    "slices_each gives every person the same whole number of slices"
    return call(s.slices_each, pizzas, people)


@check(weight=2, visible=False, exact_types=True)
@cases(case(1, 1, about="one pizza for one person"), (1, 3), (2, 16),
       case(1, 9, about="more people than slices"), case(0, 5, about="no pizzas at all"),
       (7, 3), case(100, 7, about="a very big party"),
       (3, 4))
def slices_left_more(s, pizzas, people):
    "slices_left counts the slices that are left after a fair share"
    return call(s.slices_left, pizzas, people)


@check(weight=1, visible=False, exact_types=True)
@cases((1, 2, 3), (4, 4, 5), (0, 0, 1), case(10, 10, 10, about="three equal ratings"),
       (5, 5, 4), case(2.5, 3.5, 4.5, about="ratings with decimals"))
def average_rating_more(s, a, b, c):
    "average_rating is always a decimal number, also when it is round"
    return call(s.average_rating, a, b, c)


@check(weight=1, visible=False, exact_types=True)
@cases(case(8, 1, about="the slices fill whole pizzas exactly"), (1, 8),
       case(1, 9, about="a few slices more than whole pizzas hold"),
       (4, 4), case(0, 3, about="nobody is coming"),
       case(3, 0, about="nobody wants a slice"), (9, 1), (25, 3))
def pizzas_needed_more(s, people, slices_per_person):
    "pizzas_needed orders whole pizzas and nobody goes hungry"
    return call(s.pizzas_needed, people, slices_per_person)
