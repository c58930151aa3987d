from labcheck import check, call, type_name


def seen(lazy):
    "The type of what was returned and the items it gives."
    try:
        items = list(lazy)
    except Exception as e:
        items = {"$raised": type(e).__name__}
    return [type_name(lazy), items]


@check(weight=1)
def example_lazy_squares(s):
    'lazy_squares([1, 2, 3]): its type, then list(...) of it'
    return seen(call(s.lazy_squares, [1, 2, 3]))


@check(weight=1)
def example_only_short(s):
    'only_short(["hi", "hello", "hey"], 3): its type, then list(...) of it'
    return seen(call(s.only_short, ["hi", "hello", "hey"], 3))


@check(weight=1)
def example_reduce(s):
    'product([2, 3, 4]) and longest_word(["cat", "horse", "zebra", "ox"])'
    return [call(s.product, [2, 3, 4]), call(s.longest_word, ["cat", "horse", "zebra", "ox"])]


@check(weight=1)
def example_cart_total(s):
    'cart_total([("apple", 0.5, 4), ("bread", 2.25, 1)])'
    return call(s.cart_total, [("apple", 0.5, 4), ("bread", 2.25, 1)])


@check(weight=2, visible=False)
def lazy_objects_more(s):
    "lazy_squares and only_short with other lists (empty, negative, floats, limits 0 and exact)"
    sq = [seen(call(s.lazy_squares, x)) for x in [[], [0], [-3, 3], [1.5], list(range(10))]]
    words = ["", "a", "ab", "abc", "abcd", "Zoë", "über"]
    sh = [seen(call(s.only_short, words, n)) for n in [0, 1, 2, 3, 10]]
    return [sq, sh]


@check(weight=2, visible=False)
def lazy_really_lazy(s):
    "lazy_squares on a generator, and the object is used up after one pass"
    r = call(s.lazy_squares, (n for n in range(4)))
    first = seen(r)
    again = seen(r)
    return [first, again]


@check(weight=2, visible=False)
def reduce_more(s):
    "product and longest_word with empty lists, zeros, negatives and ties"
    p = [call(s.product, x) for x in [[], [7], [0, 5], [-2, 3], [-1, -1, -1], list(range(1, 13)),
                                      [0.5, 4]]]
    w = [call(s.longest_word, x) for x in [[], ["a"], ["ab", "cd", "ef"], ["x", "yy", "zz"],
                                           ["", ""], ["short", "longest", "lengths"]]]
    return [p, w]


@check(weight=2, visible=False)
def cart_total_more(s):
    "cart_total with an empty cart, zero quantities and many lines"
    carts = [[], [("pen", 1.2, 0)], [("tv", 300, 1), ("cable", 9.99, 3)],
             [(f"item{i}", i, i) for i in range(10)], [("gum", 0.1, 3)]]
    return [call(s.cart_total, c) for c in carts]
