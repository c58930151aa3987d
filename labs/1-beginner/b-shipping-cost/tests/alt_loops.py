def shipping_cost(weight, express=False, abroad=False):
    extra = 10 if abroad else 0
    factor = 2 if express else 1
    return (5 + weight * 2 + extra) * factor


def address_label(name, city, country="Neverland"):
    return ", ".join([name, city, country])


def stamp_row(stamp, count=3, gap=" "):
    row = ""
    for i in range(count):
        if i > 0:
            row += gap
        row += stamp
    return row
