def shipping_cost(weight, express=False, abroad=False):
    if express and abroad:
        return 42
    if express:
        return 22
    if abroad:
        return 21
    return 11


def address_label(name, city, country="Neverland"):
    return "Peter Pan, Lost Bay, Neverland"


def stamp_row(stamp, count=3, gap=" "):
    return "x-x-x-x" if stamp == "x" else "🐝 🐝 🐝"
