from labcheck import check, call, type_name


def deque_view(r):
    return [call(list, r), type_name(r), getattr(r, "maxlen", "no maxlen")]


def od_view(r):
    items = call(lambda: list(r.items()))
    return [items, type_name(r)]


@check(weight=1)
def example_last_moves(s):
    'last_moves(["up", "up", "left", "down"], 2) gives a deque with maxlen 2'
    return deque_view(call(s.last_moves, ["up", "up", "left", "down"], 2))


@check(weight=1)
def example_hot_potato(s):
    'hot_potato(["Ann", "Bo", "Cy", "Di"], 1)'
    return call(s.hot_potato, ["Ann", "Bo", "Cy", "Di"], 1)


@check(weight=1)
def example_recent_pages(s):
    'recent_pages(["home", "news", "home", "mail", "shop"], 3) gives an OrderedDict'
    return od_view(call(s.recent_pages, ["home", "news", "home", "mail", "shop"], 3))


@check(weight=2, visible=False)
def last_moves_more(s):
    "last_moves with fewer moves than n, exactly n, n = 1; adding a move afterwards"
    out = [deque_view(call(s.last_moves, m, n)) for m, n in
           [([], 3), (["a"], 3), (["a", "b", "c"], 3), (list("abcdefg"), 1), (list("xyzxyz"), 4)]]
    r = call(s.last_moves, ["a", "b", "c"], 3)
    call(lambda: r.append("d"))
    out.append(deque_view(r))
    return out


@check(weight=3, visible=False)
def hot_potato_more(s):
    "hot_potato with k = 0, one child, k bigger than the circle; names unchanged"
    names = ["Ann", "Bo", "Cy", "Di", "Eve", "Fay", "Gus"]
    out = [call(s.hot_potato, names, k) for k in (0, 1, 2, 3, 10)]
    out.append(call(s.hot_potato, ["Solo"], 4))
    out.append(call(s.hot_potato, [], 2))
    return [out, names]


@check(weight=3, visible=False)
def recent_pages_more(s):
    "recent_pages with size 1, repeated visits, a forgotten page coming back, no visits"
    cases = [([], 2), (["a", "a", "a"], 1), (["a", "b", "a", "c", "b", "d"], 2),
             (["a", "b", "c", "a", "d", "a", "b"], 2), (list("abcabcabc"), 3),
             (["x", "y", "z", "x", "x", "w", "y"], 3)]
    return [od_view(call(s.recent_pages, v, n)) for v, n in cases]
