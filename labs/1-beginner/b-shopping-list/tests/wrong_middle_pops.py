# middle removes the first and last item from the list it was given.
def first_and_last(items):
    return (items[0], items[-1])


def middle(items):
    if len(items) >= 2:
        items.pop(0)
        items.pop()
        return items
    return []


def every_other(items):
    return items[::2]


def add_item(items, item):
    if item in items:
        return list(items)
    return items + [item]
