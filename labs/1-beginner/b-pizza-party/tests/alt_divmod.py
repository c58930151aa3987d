# A different correct solution: divmod and a ceiling trick.


def slices_each(pizzas, people):
    each, _ = divmod(pizzas * 8, people)
    return each


def slices_left(pizzas, people):
    _, left = divmod(pizzas * 8, people)
    return left


def average_rating(a, b, c):
    total = a + b + c
    return total / 3.0


def pizzas_needed(people, slices_per_person):
    return (people * slices_per_person + 7) // 8
