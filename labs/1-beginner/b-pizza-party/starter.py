# Pizza party maths
# Every pizza has 8 slices.

SLICES_PER_PIZZA = 8


def slices_each(pizzas, people):
    # How many whole slices does every person get?
    slices = pizzas * SLICES_PER_PIZZA
    return slices // people


def slices_left(pizzas, people):
    # How many slices are left over? Replace the 0 with your answer.
    return 0


def average_rating(a, b, c):
    # Return the average of a, b and c.
    return 0


def pizzas_needed(people, slices_per_person):
    # How many whole pizzas do you need?
    return 0
