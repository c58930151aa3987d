import ast

from labcheck import case, case_call, cases, check, call, source_text

# ---- the construct this lab is about: read the student's code with ast -----------------------

KINDS = {ast.ListComp: "a list comprehension", ast.SetComp: "a set comprehension",
         ast.DictComp: "a dictionary comprehension", ast.GeneratorExp: "a generator expression",
         ast.Dict: "a dictionary", ast.Name: "a variable", ast.Call: "the result of a call",
         ast.Constant: "a constant"}

# What the comprehension itself must do (README.md says so for each function).
NEEDS = {
    "filter": ("an if filter inside", lambda c: any(g.ifs for g in c.generators)),
}


def first_loop(tree):
    loops = [n for n in ast.walk(tree) if isinstance(n, (ast.For, ast.AsyncFor, ast.While))]
    if not loops:
        return ""
    n = min(loops, key=lambda n: n.lineno)
    return ("a while loop" if isinstance(n, ast.While) else "a for loop") + f" at line {n.lineno}"


def code_of(name, want, needs):
    """What the student's function returns, read from the code (a short text)."""
    case_call(f"the code of {name}")
    tree = ast.parse(source_text())
    fns = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name]
    if not fns:
        return f"no function {name}"
    rets = [n for n in ast.walk(fns[-1]) if isinstance(n, ast.Return)]
    if not rets:
        return f"{name} has no return"
    for r in rets:
        if type(r.value) is not want:
            got = KINDS.get(type(r.value), "something else")
            return f"line {r.lineno} returns {got}, not {KINDS[want]}"
    lacking = [NEEDS[k][0] for k in needs if not all(NEEDS[k][1](r.value) for r in rets)]
    if lacking:
        return f"{KINDS[want]} without " + " and without ".join(lacking)
    return f"returns {KINDS[want]}" + "".join(" with " + NEEDS[k][0] for k in needs)


def no_loops():
    case_call("your whole file")
    return first_loop(ast.parse(source_text())) or "no for or while loop statements"


SHOP = {"gum": 0.5, "milk": 1.2, "cake": 4.0, "tv": 300.0}
PRICES = {"a": 9.99, "b": 0.01, "c": 100, "d": 3.333}


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
def example_word_lengths(s):
    "word_lengths gives the length of every word"
    return call(s.word_lengths, ["apple", "fig", "kiwi"])


@check(weight=1)
def example_cheap_items(s):
    "cheap_items keeps the items that cost at most the limit"
    return call(s.cheap_items, {"pen": 1.5, "book": 12.0, "bag": 25.0}, 12)


@check(weight=1)
def example_swap(s):
    "swap turns keys into values and values into keys"
    return call(s.swap, {"a": 1, "b": 2})


@check(weight=1)
def example_sale_prices(s):
    "sale_prices takes 20 % off and rounds to 2 decimals"
    return call(s.sale_prices, {"pen": 2.0, "book": 12.5}, 20)


@check(weight=2)
@cases(("word_lengths", ()), ("cheap_items", ("filter",)), ("swap", ()), ("sale_prices", ()),
       case(None, None, about="no for or while loop anywhere in the file"))
def uses_dict_comprehensions(s, name, needs):
    "each function returns a dictionary comprehension that does the work, and the file has no loops"
    if name is None:
        return no_loops()
    return code_of(name, ast.DictComp, needs)


# ---- hidden checks: other inputs and edge cases ------------------------------------------------


@check(weight=2, visible=False)
@cases(case([], about="no words at all"), case(["a"], about="a one-letter word"),
       case(["", "xy"], about="an empty word"), case(["hi", "hi", "ho"], about="a word twice"),
       case(["Zoë", "naïve"], about="letters with accents"), ["banana", "plum", "cherry"])
def word_lengths_more(s, words):
    "word_lengths measures other words"
    return call(s.word_lengths, words)


@check(weight=2, visible=False)
@cases(case(dict(SHOP), 0, about="nothing is cheap enough"),
       case(dict(SHOP), 0.5, about="an item that costs exactly the limit"),
       case(dict(SHOP), 1.19, about="just below a price"),
       (dict(SHOP), 4),
       case(dict(SHOP), 1000, about="everything is cheap enough"),
       case({}, 10, about="an empty shop"),
       case(dict(SHOP), 4, "input", about="the prices given are not changed"))
def cheap_items_more(s, prices, limit, observe="result"):
    "cheap_items keeps the items up to other limits, without changing the prices"
    got = call(s.cheap_items, prices, limit)
    return prices if observe == "input" else got


@check(weight=2, visible=False)
@cases(case({}, about="an empty dictionary"), case({1: "one", 2: "two"}, about="numbers as keys"),
       case({"x": (1, 2)}, about="a tuple as a value"),
       case({"a": "b", "b": "c"}, about="a value that is also a key"), {True: 0},
       case({1: "one", 2: "two"}, "input", about="the dictionary given is not changed"))
def swap_more(s, d, observe="result"):
    "swap turns other dictionaries around, without changing them"
    got = call(s.swap, d)
    return d if observe == "input" else got


@check(weight=2, visible=False)
@cases(case(dict(PRICES), 0, about="0 % off"), case(dict(PRICES), 100, about="100 % off"),
       case(dict(PRICES), 40, about="40 % off"), (dict(PRICES), 15), (dict(PRICES), 33),
       case({}, 10, about="an empty shop"),
       case(dict(PRICES), 15, "input", about="the prices given are not changed"))
def sale_prices_more(s, prices, percent, observe="result"):
    "sale_prices takes other discounts off and rounds to 2 decimals"
    got = call(s.sale_prices, prices, percent)
    return prices if observe == "input" else got
