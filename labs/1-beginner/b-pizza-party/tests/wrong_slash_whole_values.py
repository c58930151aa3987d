# Wrong type: takes the remainder away first, then divides with /, so the numbers are right
# but they are floats (6.0 instead of 6).


def slices_each(pizzas, people):
    slices = pizzas * 8
    return (slices - slices % people) / people


def slices_left(pizzas, people):
    slices = pizzas * 8
    return slices - slices_each(pizzas, people) * people


def average_rating(a, b, c):
    return (a + b + c) / 3


def pizzas_needed(people, slices_per_person):
    slices = people * slices_per_person
    return (slices + 7 - (slices + 7) % 8) / 8
