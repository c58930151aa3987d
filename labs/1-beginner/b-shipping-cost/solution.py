def shipping_cost(weight, express=False, abroad=False):
    cost = 5 + 2 * weight
    if abroad:
        cost = cost + 10
    if express:
        cost = cost * 2
    return cost


def address_label(name, city, country="Neverland"):
    return f"{name}, {city}, {country}"


def stamp_row(stamp, count=3, gap=" "):
    return gap.join([stamp] * count)
