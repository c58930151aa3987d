def first_and_last(items):
    return [items[0], items[-1]]


def middle(items):
    return items[1:-1]


def every_other(items):
    return items[::2]


def add_item(items, item):
    if item in items:
        return list(items)
    return items + [item]
