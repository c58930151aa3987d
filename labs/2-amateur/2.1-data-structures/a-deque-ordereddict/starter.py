from collections import deque, OrderedDict


def last_moves(moves, n):
    return moves[-n:]


def hot_potato(names, k):
    circle = deque(names)
    out = []
    return out


def recent_pages(visits, size):
    pages = OrderedDict()
    return pages
