# Wrong: hard-codes the examples from README.md.


def slices_each(pizzas, people):
    return 6


def slices_left(pizzas, people):
    return 4


def average_rating(a, b, c):
    return 4.0


def pizzas_needed(people, slices_per_person):
    return 2
