import ast

from labcheck import case, case_call, cases, check, call, source_text, type_name

# What each function must use (README: "Use the tools"); the checks read the student's code.
TOOLS = {
    "lazy_squares": ("map", "lambda"),
    "only_short": ("filter", "lambda"),
    "product": ("reduce", "lambda"),
    "longest_word": ("reduce", "lambda"),
    "cart_total": ("map", "lambda"),
}


def tools_used(source, function):
    """The tools of TOOLS[function] that the student's `function` uses: a call of map(...),
    filter(...), reduce(...) (also functools.reduce or `from functools import reduce as r`),
    and a lambda.  None if the file has no such function."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    reduce_names = {"reduce"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "functools":
            reduce_names.update(a.asname for a in node.names if a.name == "reduce" and a.asname)
    body = None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == function:
            body = node
        elif (isinstance(node, ast.Assign) and len(node.targets) == 1
              and isinstance(node.targets[0], ast.Name) and node.targets[0].id == function):
            body = node.value
    if body is None:
        return None
    found = set()
    for sub in ast.walk(body):
        if isinstance(sub, ast.Lambda):
            found.add("lambda")
        elif isinstance(sub, ast.Call):
            f = sub.func
            if isinstance(f, ast.Name) and f.id in ("map", "filter"):
                found.add(f.id)
            elif (isinstance(f, ast.Name) and f.id in reduce_names
                  or isinstance(f, ast.Attribute) and f.attr == "reduce"):
                found.add("reduce")
    return sorted(t for t in TOOLS[function] if t in found)


def seen(lazy):
    "The type of what was returned, and the items it gives."
    return type_name(lazy), call(list, lazy)


_made = {}


def once(key, make):
    "What make() returns, made in the first case that needs it and kept for the later ones."
    if key not in _made:
        _made[key] = make()
    return _made[key]


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
@cases("squares = lazy_squares([1, 2, 3]); type(squares).__name__", "list(squares)")
def example_lazy_squares(s, text):
    "lazy_squares returns a map object that gives the squares (the README's example)"
    case_call(text)
    squares = once("squares", lambda: call(s.lazy_squares, [1, 2, 3]))
    return type_name(squares) if text.startswith("squares") else call(list, squares)


@check(weight=1)
@cases('type(only_short(["hi", "hello", "hey"], 3)).__name__',
       'list(only_short(["hi", "hello", "hey"], 3))')
def example_only_short(s, text):
    "only_short returns a filter object that keeps the short words (the README's example)"
    case_call(text)
    short = call(s.only_short, ["hi", "hello", "hey"], 3)
    return type_name(short) if text.startswith("type") else call(list, short)


@check(weight=1)
@cases(("product", [2, 3, 4]), ("longest_word", ["cat", "horse", "zebra", "ox"]))
def example_reduce(s, name, items):
    "multiplying all numbers and finding the longest word (the README's examples)"
    return call(getattr(s, name), items)


@check(weight=1)
def example_cart_total(s):
    "cart_total adds up price times quantity (the README's example)"
    return call(s.cart_total, [("apple", 0.5, 4), ("bread", 2.25, 1)])


@check(weight=2)
@cases(*TOOLS)
def tools_in_your_code(name):
    "each function uses its tool (map, filter or reduce) with a lambda (the checks read your code)"
    case_call(f"the tools used inside {name}")
    return tools_used(source_text(), name)


# ---- hidden checks --------------------------------------------------------------------------

WORDS = ["", "a", "ab", "abc", "abcd", "Zoë", "über"]


@check(weight=2, visible=False)
@cases(case("lazy_squares", [], about="lazy_squares of an empty list"),
       case("lazy_squares", [0], about="lazy_squares of zero"),
       case("lazy_squares", [-3, 3], about="lazy_squares of a negative number"),
       case("lazy_squares", [1.5], about="lazy_squares of a float"),
       case("lazy_squares", list(range(10)), about="lazy_squares of ten numbers"),
       case("only_short", WORDS, 0, about="only_short with the limit 0"),
       case("only_short", WORDS, 1, about="only_short with the limit 1"),
       case("only_short", WORDS, 2, about="only_short with the limit 2"),
       case("only_short", WORDS, 3, about="only_short, words exactly as long as the limit"),
       case("only_short", WORDS, 10, about="only_short with a limit longer than every word"))
def lazy_objects_more(s, name, *args):
    "map and filter objects for other lists: what they are and the items they give"
    return seen(call(getattr(s, name), *args))


@check(weight=2, visible=False)
@cases(case("first", about="the map object of a generator, gone through once"),
       case("again", about="the same map object gone through a second time"))
def lazy_really_lazy(s, which):
    "the map object of a generator works once, then it is used up"
    case_call("r = lazy_squares(n for n in range(4)); list(r)" if which == "first"
              else "list(r) again")
    r = once("r", lambda: call(s.lazy_squares, (n for n in range(4))))
    return seen(r)


@check(weight=2, visible=False)
@cases(case("product", [], about="product of an empty list"),
       case("product", [7], about="product of one number"),
       case("product", [0, 5], about="product with a zero"),
       case("product", [-2, 3], about="product with a negative number"),
       case("product", [-1, -1, -1], about="product of three negative numbers"),
       case("product", list(range(1, 13)), about="product of 1 to 12"),
       case("product", [0.5, 4], about="product with a float"),
       case("longest_word", [], about="longest_word of an empty list"),
       case("longest_word", ["a"], about="longest_word of one word"),
       case("longest_word", ["ab", "cd", "ef"], about="longest_word when all are equally long"),
       case("longest_word", ["x", "yy", "zz"], about="longest_word with a tie at the end"),
       case("longest_word", ["", ""], about="longest_word of empty words"),
       case("longest_word", ["short", "longest", "lengths"], about="longest_word, a tie of 7"))
def reduce_more(s, name, items):
    "multiplying and finding the longest word with empty lists, zeros, negatives and ties"
    return call(getattr(s, name), items)


@check(weight=2, visible=False)
@cases(case([], about="an empty cart"),
       case([("pen", 1.2, 0)], about="a quantity of zero"),
       case([("tv", 300, 1), ("cable", 9.99, 3)], about="two lines"),
       case([(f"item{i}", i, i) for i in range(10)], about="ten lines"),
       case([("gum", 0.1, 3)], about="a price with decimals"))
def cart_total_more(s, cart):
    "cart totals for an empty cart, zero quantities and many lines"
    return call(s.cart_total, cart)
