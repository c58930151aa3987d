import ast

from labcheck import case, case_call, cases, check, call, source_text

# What some functions must use (README: "The rules"); the checks read the student's code.
TOOLS = {
    "pipeline": ("reduce",),
    "count_if": ("filter",),
    "leaderboard": ("lambda", "map"),
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


_made = {}


def once(key, make):
    "What make() returns, made in the first case that needs it and kept for the later ones."
    if key not in _made:
        _made[key] = make()
    return _made[key]


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
@cases('clean = pipeline(str.strip, str.lower, lambda t: t.replace(" ", "-")); '
       'clean("  Hello World ")',
       "pipeline()(42)")
def example_pipeline(s, text):
    "pipeline passes a value through every step, left to right (the README's examples)"
    case_call(text)
    if text.startswith("clean"):
        clean = call(s.pipeline, str.strip, str.lower, lambda t: t.replace(" ", "-"))
        return call(clean, "  Hello World ")
    return call(call(s.pipeline), 42)


@check(weight=1)
@cases("count_if", "group_by")
def example_count_if_and_group_by(s, name):
    "count_if counts, group_by groups by a key (the README's examples)"
    if name == "count_if":
        case_call("count_if(lambda n: n % 2 == 0, [1, 2, 3, 4, 6])")
        return call(s.count_if, lambda n: n % 2 == 0, [1, 2, 3, 4, 6])
    case_call('group_by(len, ["ox", "cat", "be", "dog"])')
    return call(s.group_by, len, ["ox", "cat", "be", "dog"])


@check(weight=1)
def example_leaderboard(s):
    "leaderboard names the best honest players (the README's example)"
    return call(s.leaderboard, [("Ann", 50), ("Bo", 80), ("Cy", -5), ("Di", 80)], 2)


@check(weight=2)
@cases(*TOOLS)
def tools_in_your_code(name):
    "the tools: reduce in pipeline, filter in count_if, map and a lambda in leaderboard"
    case_call(f"the tools used inside {name}")
    return tools_used(source_text(), name)


# ---- hidden checks --------------------------------------------------------------------------

add1 = lambda n: n + 1       # noqa: E731
dbl = lambda n: n * 2        # noqa: E731

PIPES = {
    "p1": ("pipeline(lambda n: n + 1, lambda n: n * 2)", (add1, dbl), [5, -1, 5]),
    "p2": ("pipeline(lambda n: n * 2, lambda n: n + 1)", (dbl, add1), [5, 0.5]),
    "p3": ("pipeline(*[lambda n: n + 1] * 10)", (add1,) * 10, [0, 5]),
    "p4": ("pipeline(sorted, reversed, list, lambda l: l[:2])",
           (sorted, reversed, list, lambda l: l[:2]), [[3, 1, 2], []]),
    "p5": ("pipeline(len)", (len,), ["Zoë", ""]),
}


@check(weight=3, visible=False)
@cases(case("p1", about="two steps: the first step runs first"),
       case("p2", about="the same two steps the other way round"),
       case("p3", about="ten steps given with *"),
       case("p4", about="steps that work on lists"),
       case("p5", about="only one step"),
       case("p1", about="the first pipeline still works after the others were made and used"))
def pipeline_more(s, key):
    "pipelines with one step, many steps, the order of steps, each called several times"
    made = once("all", lambda: {k: call(s.pipeline, *steps) for k, (_, steps, _) in PIPES.items()})
    text, _, values = PIPES[key]
    case_call(f"{key} = {text}; " + ", ".join(f"{key}({v!r})" for v in values))
    return tuple(call(made[key], v) for v in values)


@check(weight=2, visible=False)
@cases(case("count_if(bool, [])", bool, [], about="an empty list"),
       case("count_if(lambda n: n > 100, [1, 2])", lambda n: n > 100, [1, 2],
            about="nothing matches"),
       case("count_if(lambda n: n >= 0, [0, 1, 2])", lambda n: n >= 0, [0, 1, 2],
            about="everything matches"),
       case('count_if(str.isupper, "aBcDE")', str.isupper, "aBcDE",
            about="the items are the letters of a string"),
       case('count_if(bool, [0, "", None, [], "x", 1])', bool, [0, "", None, [], "x", 1],
            about="items that count as false"))
def count_if_more(s, text, test, items):
    "counting matches in empty lists, with no match, all matching, and in strings"
    case_call(text)
    return call(s.count_if, test, items)


@check(weight=2, visible=False)
@cases(case("group_by(len, [])", len, [], about="an empty list"),
       case('group_by(lambda n: "all", [3, 1, 2])', lambda n: "all", [3, 1, 2],
            about="one group for everything"),
       case("group_by(lambda n: n % 3, list(range(10)))", lambda n: n % 3, list(range(10)),
            about="remainders as keys"),
       case('group_by(lambda w: w[0].lower(), ["Apple", "avocado", "Banana", "blueberry", '
            '"cherry"])', lambda w: w[0].lower(),
            ["Apple", "avocado", "Banana", "blueberry", "cherry"], about="first letters"),
       case("group_by(lambda n: n > 0, [-1, 2, -3, 4])", lambda n: n > 0, [-1, 2, -3, 4],
            about="True and False as keys"))
def group_by_more(s, text, key, items):
    "grouping empty lists, into one group, by True/False and by first letters"
    case_call(text)
    return call(s.group_by, key, items)


PLAYERS = [("Zoë", 10), ("Al", 10), ("Max", 0), ("Eve", -1), ("Bob", 99), ("Cat", 10),
           ("Dan", -100), ("Ann", 0)]


@check(weight=3, visible=False)
@cases(case(PLAYERS, 0, about="n is 0"),
       case(PLAYERS, 1, about="only the best player"),
       case(PLAYERS, 3, about="a tie of three players"),
       case(PLAYERS, 4, about="the last place goes to one of three equal scores"),
       case(PLAYERS, 20, about="n bigger than the number of players (a score of 0 is honest)"),
       case([("X", -1), ("Y", -2)], 5, about="only cheaters"),
       case([], 3, about="no players at all"))
def leaderboard_more(s, players, n):
    "leaderboards with ties, zero scores, only cheaters, n = 0 and n bigger than the list"
    return call(s.leaderboard, players, n)
