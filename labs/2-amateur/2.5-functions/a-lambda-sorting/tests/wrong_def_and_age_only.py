# Uses def functions instead of lambdas, and sorts by age only (ties keep their order).
def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


OPERATIONS = {"+": add, "-": sub, "*": mul, "max": max}


def calculate(a, op, b):
    if op in OPERATIONS:
        return OPERATIONS[op](a, b)
    return None


def sort_by_age(people):
    return sorted(people, key=lambda p: p[1])


def make_adder(n):
    def adder(x):
        return x + n
    return adder
