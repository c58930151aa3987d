def make_spot(x, y):
    return (x, y)


def move(spot, dx, dy):
    x, y = spot
    return (x + dx, y + dy)


def mirror(spot):
    x, y = spot
    return (y, x)


def steps_between(a, b):
    ax, ay = a
    bx, by = b
    return abs(ax - bx) + abs(ay - by)


def lowest_and_highest(numbers):
    return (min(numbers), max(numbers))
