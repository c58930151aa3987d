# collections is imported here once, by the harness before it starts the checks, so that the
# student's `from collections import ...` does not load it again in every check's process.
import collections  # noqa: F401

from labcheck import case, case_call, cases, check, call, type_name

# A deque is observed as its items, its type and its maxlen; an OrderedDict as the list of its
# (key, value) pairs in order and its type (a dictionary alone would be compared without order).


def items_of(r, pairs=False):
    """list(r) (or list(r.items())), or None when r cannot give them."""
    try:
        return list(r.items()) if pairs else list(r)
    except Exception:
        return None


def deque_view(r):
    if isinstance(r, dict) and "$raised" in r:        # the student's code raised
        return r
    return [items_of(r), type_name(r), getattr(r, "maxlen", "no maxlen")]


def od_view(r):
    if isinstance(r, dict) and "$raised" in r:
        return r
    return [items_of(r, pairs=True), type_name(r)]


NAMES = ["Ann", "Bo", "Cy", "Di", "Eve", "Fay", "Gus"]


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
def example_last_moves(s):
    "last_moves keeps the last 2 moves in a deque with maxlen 2"
    return deque_view(call(s.last_moves, ["up", "up", "left", "down"], 2))


@check(weight=1)
def example_hot_potato(s):
    "hot_potato with 4 children who pass the potato once"
    return call(s.hot_potato, ["Ann", "Bo", "Cy", "Di"], 1)


@check(weight=1)
def example_recent_pages(s):
    "recent_pages remembers 3 pages, oldest first, in an OrderedDict"
    return od_view(call(s.recent_pages, ["home", "news", "home", "mail", "shop"], 3))


# ---- hidden checks: other inputs and edge cases ------------------------------------------------


@check(weight=2, visible=False)
@cases(case([], 3, about="no moves at all"), case(["a"], 3, about="fewer moves than n"),
       case(["a", "b", "c"], 3, about="exactly n moves"), case(list("abcdefg"), 1, about="n = 1"),
       (list("xyzxyz"), 4),
       case(["a", "b", "c"], 3, "d", about="one more move added to the deque afterwards"))
def last_moves_more(s, moves, n, later=None):
    "last_moves keeps only the last n moves, also when one more is added"
    r = call(s.last_moves, moves, n)
    if later is not None:
        case_call(f"d = last_moves({moves!r}, {n}); d.append({later!r}); d")
        call(lambda: r.append(later))
    return deque_view(r)


@check(weight=3, visible=False)
@cases(case(list(NAMES), 0, about="the potato is never passed (k = 0)"),
       (list(NAMES), 1), (list(NAMES), 2), (list(NAMES), 3),
       case(list(NAMES), 10, about="k bigger than the circle"),
       case(["Solo"], 4, about="one child alone"), case([], 2, about="nobody in the circle"),
       case(list(NAMES), 3, "names", about="the list of names given is not changed"))
def hot_potato_more(s, names, k, observe="result"):
    "hot_potato gives the order in which children leave other circles"
    got = call(s.hot_potato, names, k)
    return names if observe == "names" else got


@check(weight=3, visible=False)
@cases(case([], 2, about="no visits at all"),
       case(["a", "a", "a"], 1, about="size 1 and the same page again and again"),
       case(["a", "b", "a", "c", "b", "d"], 2, about="a forgotten page coming back"),
       (["a", "b", "c", "a", "d", "a", "b"], 2),
       case(list("abcabcabc"), 3, about="every page is remembered"),
       (["x", "y", "z", "x", "x", "w", "y"], 3))
def recent_pages_more(s, visits, size):
    "recent_pages counts visits and forgets the oldest page, for other visits"
    return od_view(call(s.recent_pages, visits, size))
