def first_and_last(items):
    first = items[0]
    last = items[len(items) - 1]
    return first, last


def middle(items):
    result = []
    for i in range(1, len(items) - 1):
        result.append(items[i])
    return result


def every_other(items):
    result = []
    for i in range(0, len(items), 2):
        result.append(items[i])
    return result


def add_item(items, item):
    new = items.copy()
    if item not in new:
        new.append(item)
    return new
