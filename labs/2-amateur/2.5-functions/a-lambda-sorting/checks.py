import ast

from labcheck import case, case_call, cases, check, call, source_text


def name_of(f):
    "A function's __name__: a lambda is called '<lambda>'."
    return getattr(f, "__name__", None)


def op(s, symbol):
    "OPERATIONS[symbol]; if it is missing, the observation says so."
    return call(lambda: s.OPERATIONS[symbol])


_made = {}


def once(key, make):
    "What make() returns, made in the first case that needs it and kept for the later ones."
    if key not in _made:
        _made[key] = make()
    return _made[key]


def sorts_with_lambda_key(source, function):
    """Whether the function `function` of the source calls sorted(...) or .sort(...) with
    key=lambda ...  (None if there is no such function)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == function:
            for sub in ast.walk(node):
                if (isinstance(sub, ast.Call)
                        and (isinstance(sub.func, ast.Name) and sub.func.id == "sorted"
                             or isinstance(sub.func, ast.Attribute) and sub.func.attr == "sort")
                        and any(k.arg == "key" and isinstance(k.value, ast.Lambda)
                                for k in sub.keywords)):
                    return True
            return False
    return None


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
@cases('OPERATIONS["-"](7, 3)', "sorted(OPERATIONS)",
       "sorted(f.__name__ for f in OPERATIONS.values())")
def example_operations(s, text):
    "OPERATIONS holds four lambdas; '-' subtracts (the README's example)"
    case_call(text)
    if text.startswith("OPERATIONS"):
        return call(op(s, "-"), 7, 3)
    ops = call(getattr, s, "OPERATIONS")
    if text == "sorted(OPERATIONS)":
        return call(sorted, ops)
    return call(lambda: sorted(name_of(f) for f in ops.values()))


@check(weight=1)
def example_calculate(s):
    "calculate multiplies with the lambda from OPERATIONS (the README's example)"
    return call(s.calculate, 6, "*", 7)


@check(weight=1)
def example_sort_by_age(s):
    "sort_by_age puts the youngest first, equal ages by name (the README's example)"
    return call(s.sort_by_age, [("Cy", 15), ("Ada", 14), ("Bo", 14)])


@check(weight=1)
def sort_by_age_uses_lambda():
    "sort_by_age sorts with a lambda as its key (the checks read your code)"
    case_call("sorted(..., key=lambda ...) in sort_by_age")
    return sorts_with_lambda_key(source_text(), "sort_by_age")


@check(weight=1)
@cases("add5 = make_adder(5); add5(10)", "add5.__name__")
def example_make_adder(s, text):
    "make_adder returns a lambda that adds n (the README's example)"
    case_call(text)
    add5 = once("add5", lambda: call(s.make_adder, 5))
    return call(add5, 10) if "(10)" in text else name_of(add5)


# ---- hidden checks --------------------------------------------------------------------------

PAIRS = [(7, 3, ""), (3, 7, "the smaller number first"), (0, 0, "zeros"),
         (-4, 2, "a negative number"), (2.5, 4, "a float"), (10**20, 3, "a huge number"),
         (-1, -1, "two equal negative numbers")]
SYMBOLS = ["+", "-", "*", "max"]


@check(weight=2, visible=False)
@cases(*[case(sym, a, b, about=f'OPERATIONS["{sym}"] with {about}' if about else "")
         for sym in SYMBOLS for a, b, about in PAIRS])
def operations_more(s, symbol, a, b):
    "the four operations with other numbers (negative, zero, floats, huge, equal)"
    case_call(f'OPERATIONS["{symbol}"]({a!r}, {b!r})')
    return call(op(s, symbol), a, b)


@check(weight=2, visible=False)
@cases(*[case(a, sym, b, about=f'calculate with "{sym}" and {about}' if about else "")
         for sym in SYMBOLS for a, b, about in PAIRS],
       *[case(1, sym, 2, about=f"an unknown operation {sym!r}")
         for sym in ["/", "", "MAX", "plus"]])
def calculate_more(s, a, symbol, b):
    "calculating with every operation, and None for unknown operations"
    return call(s.calculate, a, symbol, b)


@check(weight=2, visible=False)
@cases(case([], about="an empty list"),
       case([("Solo", 1)], about="one person"),
       case([("Zoë", 16), ("Al", 16), ("Ål", 16), ("Bea", 2)],
            about="three people of the same age, names with letters like Å"),
       case([("B", 3), ("A", 3), ("C", 1), ("A", 1)], about="pairs of equal ages"),
       case([(str(i), 100 - i) for i in range(12)], about="twelve people, oldest first"))
def sort_by_age_more(s, people):
    "sorting other groups by age and name, without changing the list given"
    original = list(people)
    return call(s.sort_by_age, original), original


ADDS = [0, 1, -3, 2.5, 100]
XS = [0, 1, -10, 7]


@check(weight=2, visible=False)
@cases(*[case(n, about=f"an adder for {n}, called with four numbers") for n in ADDS],
       case("names", about="every adder is a lambda"))
def make_adder_more(s, n):
    "several adders at once, each keeping its own n (negative and float n too)"
    adders = once("adders", lambda: {k: call(s.make_adder, k) for k in ADDS})
    if n == "names":
        case_call("the __name__ of every adder")
        return sorted({str(name_of(f)) for f in adders.values()})
    case_call(f"add = make_adder({n!r}); " + ", ".join(f"add({x})" for x in XS))
    return tuple(call(adders[n], x) for x in XS)
