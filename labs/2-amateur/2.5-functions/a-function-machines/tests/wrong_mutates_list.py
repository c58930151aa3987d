# apply_to_all changes the list it was given instead of making a new one, and find_first
# returns the last match instead of the first.
def apply_twice(func, x):
    return func(func(x))


def apply_to_all(func, items):
    items = items if isinstance(items, list) else list(items)
    for i in range(len(items)):
        items[i] = func(items[i])
    return items


def find_first(test, items):
    found = None
    for item in items:
        if test(item):
            found = item
    return found


def compose(f, g):
    return lambda x: f(g(x))


def repeat(func, times):
    def repeated(x):
        for _ in range(times):
            x = func(x)
        return x
    return repeated
