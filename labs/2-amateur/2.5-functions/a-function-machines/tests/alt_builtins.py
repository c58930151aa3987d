from functools import reduce


def apply_twice(func, x):
    once = func(x)
    return func(once)


def apply_to_all(func, items):
    return list(map(func, items))


def find_first(test, items):
    return next(filter(test, items), None)


def compose(f, g):
    return lambda x: f(g(x))


def repeat(func, times):
    return lambda x: reduce(lambda acc, _: func(acc), range(times), x)
