import ast

from labcheck import call, case, case_call, cases, check, source_text

# The cases of one check run one after the other in the same process, so the global `score`
# carries over from case to case, exactly like in the README's example session.


def _step(s, function, args=(), kwargs=None):
    """One step of a session: call a function, or look at the global variable score."""
    if function == "score":
        case_call("score")
        return getattr(s, "score", "there is no variable score")
    return call(getattr(s, function), *args, **(kwargs or {}))


def _built_ins_in_summary():
    """Names of the built-in functions len/min/max/sum that summary calls."""
    try:
        tree = ast.parse(source_text())
    except (SyntaxError, ValueError):
        return set()
    used = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "summary":
            for n in ast.walk(node):
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
                    used.add(n.func.id)
    return used


@check(weight=2)
@cases(("add_points", (5,)), ("add_points", (3,)), ("score",), ("reset",), ("score",))
def example_add_points(s, function, args=()):
    "add_points adds to the global score and reset sets it back to 0 (the README's session)"
    return _step(s, function, args)


@check(weight=1)
@cases((10,), (10, 3))
def example_bonus(s, *args):
    "bonus multiplies the points by 2, or by the multiplier you give"
    return call(s.bonus, *args)


@check(weight=1)
def example_summary(s):
    "summary gives the number of games, the lowest and highest score and the total, in a tuple"
    return call(s.summary, [7, 3, 9])


@check(weight=1)
@cases("len", "min", "max", "sum")
def summary_uses_built_ins(name):
    "summary uses the built-in functions len, min, max and sum"
    case_call(f"summary calls {name}(...)")
    return name in _built_ins_in_summary()


@check(weight=3, visible=False)
@cases(case("score", about="score before anything happens"),
       case("add_points", (10,), about="adding points to a new score"),
       case("add_points", (-4,), about="adding negative points"),
       case("add_points", (0,), about="adding 0 points"),
       case("add_points", (100,), about="adding many points"),
       case("reset", about="what reset gives back"),
       case("add_points", (7,), about="adding points after a reset"),
       case("score", about="score after a reset and adding points"))
def add_points_more(s, function, args=()):
    "The global score starts at 0, grows with add_points, also after a reset"
    return _step(s, function, args)


@check(weight=1, visible=False)
@cases(case("add_points", (4,), about="adding points before using bonus"),
       case("bonus", (0,), about="bonus of 0 points"),
       case("bonus", (7,), about="bonus without a multiplier"),
       case("bonus", (5, 0), about="multiplier 0"),
       case("bonus", (-3, 4), about="negative points"),
       case("bonus", (), {"points": 6, "multiplier": 5}, about="points and multiplier given by name"),
       case("bonus", (2.5,), about="points with decimals"),
       case("score", about="score after using bonus"))
def bonus_does_not_change_score(s, function, args=(), kwargs=None):
    "bonus multiplies other numbers (also given by name) and does not change score"
    return _step(s, function, args, kwargs)


@check(weight=2, visible=False)
@cases(case([5], about="only one game"),
       case([-2, -8, 0], about="negative scores"),
       case([4, 4, 4, 4], about="all games with the same score"),
       case(list(range(1, 101)), about="a hundred games"),
       case([0.5, 1.5], about="scores with decimals"))
def summary_more(s, results):
    "summary gives games, lowest, highest and total for other lists of scores, in a tuple"
    return call(s.summary, list(results))
