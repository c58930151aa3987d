def shipping_cost(weight, express, abroad):
    return 5 + 2 * weight


def address_label(name, city, country):
    return name + ", " + city + ", " + country


def stamp_row(stamp, count, gap):
    return stamp * count
