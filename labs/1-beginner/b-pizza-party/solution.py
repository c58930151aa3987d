# Reference solution: Pizza party maths

SLICES_PER_PIZZA = 8


def slices_each(pizzas, people):
    return pizzas * SLICES_PER_PIZZA // people


def slices_left(pizzas, people):
    return pizzas * SLICES_PER_PIZZA % people


def average_rating(a, b, c):
    return (a + b + c) / 3


def pizzas_needed(people, slices_per_person):
    slices = people * slices_per_person
    pizzas = slices // SLICES_PER_PIZZA
    if slices % SLICES_PER_PIZZA != 0:
        pizzas = pizzas + 1
    return pizzas
