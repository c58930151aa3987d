OPERATIONS = {
    "+": lambda a, b: a + b,
    # add "-", "*" and "max"
}


def calculate(a, op, b):
    return OPERATIONS[op](a, b)


def sort_by_age(people):
    return sorted(people)


def make_adder(n):
    def add(x):
        return x + n
    return add
