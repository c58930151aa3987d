from labcheck import check, call, source_text, type_name

FUNCTIONS = ("word_lengths", "cheap_items", "swap", "sale_prices")


def comprehension_kinds(name):
    """The kinds of comprehension found inside the student's function `name`."""
    import ast
    try:
        tree = ast.parse(source_text())
    except SyntaxError:
        return "syntax error"
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return sorted({type(n).__name__ for n in ast.walk(node)
                           if isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp))})
    return "no function " + name


@check(weight=1)
def example_word_lengths(s):
    'word_lengths(["apple", "fig", "kiwi"])'
    return call(s.word_lengths, ["apple", "fig", "kiwi"])


@check(weight=1)
def example_cheap_items(s):
    'cheap_items({"pen": 1.5, "book": 12.0, "bag": 25.0}, 12)'
    return call(s.cheap_items, {"pen": 1.5, "book": 12.0, "bag": 25.0}, 12)


@check(weight=1)
def example_swap(s):
    'swap({"a": 1, "b": 2})'
    return call(s.swap, {"a": 1, "b": 2})


@check(weight=1)
def example_sale_prices(s):
    'sale_prices({"pen": 2.0, "book": 12.5}, 20)'
    return call(s.sale_prices, {"pen": 2.0, "book": 12.5}, 20)


@check(weight=1)
def uses_dict_comprehensions(s):
    "each function is written with a dictionary comprehension"
    return {name: "DictComp" in comprehension_kinds(name) for name in FUNCTIONS}


@check(weight=2, visible=False)
def word_lengths_more(s):
    "word_lengths with an empty list, repeated words, an empty word and accents"
    cases = [[], ["a"], ["", "xy"], ["hi", "hi", "ho"], ["Zoë", "naïve"]]
    out = [call(s.word_lengths, c) for c in cases]
    return [out, type_name(call(s.word_lengths, ["x"]))]


@check(weight=2, visible=False)
def cheap_items_more(s):
    "cheap_items at the limit, with nothing cheap, with everything cheap, input unchanged"
    shop = {"gum": 0.5, "milk": 1.2, "cake": 4.0, "tv": 300.0}
    got = [call(s.cheap_items, shop, lim) for lim in (0, 0.5, 1.19, 4, 1000)]
    got.append(call(s.cheap_items, {}, 10))
    return [got, shop]


@check(weight=2, visible=False)
def swap_more(s):
    "swap with an empty dictionary, numbers as keys, tuples as values; input unchanged"
    d = {1: "one", 2: "two"}
    cases = [{}, d, {"x": (1, 2)}, {"a": "b", "b": "c"}, {True: 0}]
    return [[call(s.swap, c) for c in cases], d]


@check(weight=2, visible=False)
def sale_prices_more(s):
    "sale_prices with 0 %, 100 %, 50 %, odd prices and an empty shop"
    shop = {"a": 9.99, "b": 0.01, "c": 100, "d": 3.333}
    got = [call(s.sale_prices, shop, p) for p in (0, 100, 50, 15, 33)]
    got.append(call(s.sale_prices, {}, 10))
    return [got, shop]
