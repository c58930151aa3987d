# Puts a gap after every stamp, and the wrong default country.
def shipping_cost(weight, express=False, abroad=False):
    cost = 5 + 2 * weight
    if abroad:
        cost += 10
    if express:
        cost *= 2
    return cost


def address_label(name, city, country="England"):
    return f"{name}, {city}, {country}"


def stamp_row(stamp, count=3, gap=" "):
    return (stamp + gap) * count
