# compose applies the functions in the wrong order; repeat runs once too often;
# find_first returns False instead of None.
def apply_twice(func, x):
    return func(func(x))


def apply_to_all(func, items):
    return [func(item) for item in items]


def find_first(test, items):
    for item in items:
        if test(item):
            return item
    return False


def compose(f, g):
    return lambda x: g(f(x))


def repeat(func, times):
    def repeated(x):
        for _ in range(times + 1):
            x = func(x)
        return x
    return repeated
