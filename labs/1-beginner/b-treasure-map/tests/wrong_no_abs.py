# Forgets that distances are never negative; sorts to find lowest/highest but reverses.
def make_spot(x, y):
    return (x, y)


def move(spot, dx, dy):
    x, y = spot
    return (x + dx, y + dy)


def mirror(spot):
    x, y = spot
    return (y, x)


def steps_between(a, b):
    return (b[0] - a[0]) + (b[1] - a[1])


def lowest_and_highest(numbers):
    return (min(numbers), max(numbers))
