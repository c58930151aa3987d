def apply_twice(func, x):
    return func(x)


def apply_to_all(func, items):
    return [func(item) for item in items]


def find_first(test, items):
    return None


def compose(f, g):
    # return a new function that computes f(g(x))
    return None


def repeat(func, times):
    return None
