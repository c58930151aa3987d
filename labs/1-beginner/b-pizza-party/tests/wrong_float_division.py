# Wrong: uses / so answers are floats, and rounds instead of ordering enough pizzas.


def slices_each(pizzas, people):
    return pizzas * 8 / people


def slices_left(pizzas, people):
    return pizzas * 8 - people * (pizzas * 8 // people)


def average_rating(a, b, c):
    return (a + b + c) // 3


def pizzas_needed(people, slices_per_person):
    return round(people * slices_per_person / 8)
