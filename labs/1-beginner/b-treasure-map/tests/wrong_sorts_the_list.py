# Sorts the list it was given: the answer is right, but the caller's list is changed.
def make_spot(x, y):
    return (x, y)


def move(spot, dx, dy):
    x, y = spot
    return (x + dx, y + dy)


def mirror(spot):
    x, y = spot
    return (y, x)


def steps_between(a, b):
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


def lowest_and_highest(numbers):
    numbers.sort()
    return (numbers[0], numbers[-1])
