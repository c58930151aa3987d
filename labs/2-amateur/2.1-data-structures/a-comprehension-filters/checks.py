import ast

from labcheck import case, case_call, cases, check, call, source_text

# ---- the construct this lab is about: read the student's code with ast -----------------------

KINDS = {ast.ListComp: "a list comprehension", ast.SetComp: "a set comprehension",
         ast.DictComp: "a dictionary comprehension", ast.GeneratorExp: "a generator expression",
         ast.List: "a list", ast.Name: "a variable", ast.Call: "the result of a call",
         ast.Constant: "a constant"}

# What the comprehension itself must do (README.md says so for each function).
NEEDS = {
    "filter": ("an if at the end", lambda c: any(g.ifs for g in c.generators)),
    "change": ("a change to each item", lambda c: not isinstance(c.elt, ast.Name)),
    "choice": ("an if/else at the front", lambda c: isinstance(c.elt, ast.IfExp)),
    "two_for": ("two for's", lambda c: len(c.generators) >= 2),
    "nested": ("a list comprehension inside", lambda c: isinstance(c.elt, ast.ListComp)),
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
    return f"returns {KINDS[want]} with " + " and ".join(NEEDS[k][0] for k in needs)


def no_loops():
    case_call("your whole file")
    return first_loop(ast.parse(source_text())) or "no for or while loop statements"


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
def example_positive_doubles(s):
    "positive_doubles doubles only the numbers above 0"
    return call(s.positive_doubles, [3, -1, 0, 5])


@check(weight=1)
def example_grade_labels(s):
    "grade_labels says pass from 50 on, otherwise fail"
    return call(s.grade_labels, [72, 49, 50])


@check(weight=1)
def example_flatten(s):
    "flatten puts all the rows one after the other"
    return call(s.flatten, [[1, 2], [3], [4, 5, 6]])


@check(weight=1)
def example_times_table(s):
    "times_table(3) gives 3 rows of 3 products"
    return call(s.times_table, 3)


@check(weight=2)
@cases(("positive_doubles", ("filter", "change")), ("grade_labels", ("choice",)),
       ("flatten", ("two_for",)), ("times_table", ("nested",)),
       case(None, None, about="no for or while loop anywhere in the file"))
def uses_list_comprehensions(s, name, needs):
    "each function returns a list comprehension that does the work, and the file has no loops"
    if name is None:
        return no_loops()
    return code_of(name, ast.ListComp, needs)


# ---- hidden checks: other inputs and edge cases ------------------------------------------------


@check(weight=2, visible=False)
@cases(case([], about="an empty list"), case([-5, -1], about="only negative numbers"),
       case([0, 0], about="zeros are not greater than 0"), case([1], about="just one number"),
       case([0.5, -0.5], about="decimal numbers"), [100, -100, 7])
def positive_doubles_more(s, numbers):
    "positive_doubles doubles only numbers above 0, in other lists"
    return call(s.positive_doubles, numbers)


@check(weight=2, visible=False)
@cases(case([], about="no scores at all"), case([0], about="the lowest score"),
       case([100], about="the best score"), case([49, 50, 51], about="just around 50"),
       case([49.5, 50.0], about="decimal scores next to 50"), case([-3], about="a negative score"),
       [12, 88, 50, 67])
def grade_labels_more(s, scores):
    "grade_labels says pass from 50 on, for other scores"
    return call(s.grade_labels, scores)


@check(weight=2, visible=False)
@cases(case([], about="no rows at all"), case([[]], about="one empty row"),
       case([[], [1], []], about="empty rows around a full one"),
       case([["a", "b"], ["c"]], about="rows of texts"),
       case([[[1, 2]], [3]], about="a row that holds a list: only one level is taken apart"),
       [[7] * 4] * 3)
def flatten_more(s, grid):
    "flatten joins the rows of other grids, empty rows too"
    return call(s.flatten, grid)


@check(weight=2, visible=False)
@cases(case(0, about="n = 0"), case(1, about="n = 1"), 2, 5, case(12, about="a big table"))
def times_table_more(s, n):
    "times_table builds tables of other sizes"
    return call(s.times_table, n)
