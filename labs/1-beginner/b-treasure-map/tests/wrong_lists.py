# Returns lists instead of tuples.
def make_spot(x, y):
    return [x, y]


def move(spot, dx, dy):
    return [spot[0] + dx, spot[1] + dy]


def mirror(spot):
    return [spot[1], spot[0]]


def steps_between(a, b):
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


def lowest_and_highest(numbers):
    return [min(numbers), max(numbers)]
