OPERATIONS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "max": lambda a, b: max(a, b),
}


def calculate(a, op, b):
    if op not in OPERATIONS:
        return None
    return OPERATIONS[op](a, b)


def sort_by_age(people):
    return sorted(people, key=lambda person: (person[1], person[0]))


def make_adder(n):
    return lambda x: x + n
