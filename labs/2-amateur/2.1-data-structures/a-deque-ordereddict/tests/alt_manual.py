import collections


def last_moves(moves, n):
    d = collections.deque(maxlen=n)
    for m in moves:
        d.append(m)
    return d


def hot_potato(names, k):
    circle = collections.deque(names)
    out = []
    while len(circle) > 0:
        for _ in range(k):
            circle.append(circle.popleft())
        out.append(circle.popleft())
    return out


def recent_pages(visits, size):
    pages = collections.OrderedDict()
    for page in visits:
        count = pages.pop(page, 0)
        pages[page] = count + 1
        while len(pages) > size:
            oldest = next(iter(pages))
            del pages[oldest]
    return pages
