def make_spot(x, y):
    spot = x, y
    return spot


def move(spot, dx, dy):
    return spot[0] + dx, spot[1] + dy


def mirror(spot):
    return tuple(reversed(spot))


def steps_between(a, b):
    dx = a[0] - b[0]
    dy = a[1] - b[1]
    if dx < 0:
        dx = -dx
    if dy < 0:
        dy = -dy
    return dx + dy


def lowest_and_highest(numbers):
    low = high = numbers[0]
    for n in numbers:
        if n < low:
            low = n
        if n > high:
            high = n
    return low, high
