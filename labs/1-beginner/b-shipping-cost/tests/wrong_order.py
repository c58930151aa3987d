# express and abroad in the wrong order; express doubles before adding abroad.
def shipping_cost(weight, abroad=False, express=False):
    cost = 5 + 2 * weight
    if express:
        cost = cost * 2
    if abroad:
        cost = cost + 10
    return cost


def address_label(name, city, country="Neverland"):
    return f"{name}, {city}, {country}"


def stamp_row(stamp, count=3, gap=" "):
    return gap.join([stamp] * count)
