OPERATIONS = dict()
OPERATIONS["+"] = lambda x, y: x + y
OPERATIONS["-"] = lambda x, y: x + -y
OPERATIONS["*"] = lambda x, y: x * y
OPERATIONS["max"] = lambda x, y: x if x >= y else y


def calculate(a, op, b):
    f = OPERATIONS.get(op)
    return f(a, b) if f else None


def sort_by_age(people):
    by_name = sorted(people, key=lambda p: p[0])
    return sorted(by_name, key=lambda p: p[1])


make_adder = lambda n: (lambda x: x + n)
