from collections import deque, OrderedDict


def last_moves(moves, n):
    return deque(moves, maxlen=n)


def hot_potato(names, k):
    circle = deque(names)
    out = []
    while circle:
        circle.rotate(-k)
        out.append(circle.popleft())
    return out


def recent_pages(visits, size):
    pages = OrderedDict()
    for page in visits:
        if page in pages:
            pages[page] += 1
            pages.move_to_end(page)
        else:
            pages[page] = 1
            if len(pages) > size:
                pages.popitem(last=False)
    return pages
