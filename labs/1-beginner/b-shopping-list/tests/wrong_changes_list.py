def first_and_last(items):
    return (items[0], items[-1])


def middle(items):
    items.pop(0)
    items.pop()
    return items


def every_other(items):
    return items[::2]


def add_item(items, item):
    if item not in items:
        items.append(item)
    return items
