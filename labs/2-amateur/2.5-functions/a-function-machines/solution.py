def apply_twice(func, x):
    return func(func(x))


def apply_to_all(func, items):
    return [func(item) for item in items]


def find_first(test, items):
    for item in items:
        if test(item):
            return item
    return None


def compose(f, g):
    def composed(x):
        return f(g(x))
    return composed


def repeat(func, times):
    def repeated(x):
        for _ in range(times):
            x = func(x)
        return x
    return repeated
