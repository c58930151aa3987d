import ast

from labcheck import check, cases, case, case_call, call, source_text


def function_node(name):
    """The student's function `name` as an ast node (None if there is none)."""
    try:
        tree = ast.parse(source_text())
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            return node
    return None


def uses(name, what):
    """Whether the function `name` is written with the construct `what`."""
    fn = function_node(name)
    if fn is None:
        return "no function " + name
    nodes = list(ast.walk(fn))
    tries = [n for n in nodes if isinstance(n, ast.Try)]
    if what == "except, no if":
        return (any(t.handlers for t in tries)
                and not any(isinstance(n, (ast.If, ast.IfExp)) for n in nodes))
    if what == "except":
        return any(t.handlers for t in tries)
    return any(t.finalbody for t in tries)            # "finally"


# Visible checks: the examples of README.md, and the constructs the README asks for.


@check(weight=1)
@cases((7, 2), (7, 0))
def example_safe_divide(s, a, b):
    "safe_divide divides, and gives None instead of dividing by zero"
    return call(s.safe_divide, a, b)


@check(weight=1, exact_types=True)
@cases("42", "2.5", "two")
def example_to_number(s, text):
    "to_number gives an int, a float or None"
    return call(s.to_number, text)


@check(weight=1)
@cases(case(1, about="a list with numbers"), case(2, about="then an empty list"))
def example_average_with_log(s, calls):
    "average_with_log logs start and done, even when the error goes to the caller"
    log = []
    case_call("log = []; average_with_log([2, 4], log)"
              + ("; average_with_log([], log)" if calls == 2 else "") + "; log")
    r = call(s.average_with_log, [2, 4], log)
    if calls == 2:
        r = call(s.average_with_log, [], log)
    return [r, log]


@check(weight=1)
@cases(case("safe_divide", "except, no if", about="safe_divide catches the error (no if)"),
       case("to_number", "except", about="to_number catches the errors"),
       case("average_with_log", "finally", about="average_with_log logs done in a finally block"))
def uses_try(s, name, what):
    "uses try / except / finally where the README asks for them"
    case_call(f"{name} is written with try ... {what}")
    return uses(name, what)


# Hidden checks: other inputs.


@check(weight=2, visible=False)
@cases(case(0, 5, about="0 divided by a number"),
       case(-9, 3, about="a negative number"),
       case(1, -4, about="dividing by a negative number"),
       case(5, 0.0, about="dividing by 0.0"),
       case(0, 0, about="0 divided by 0"),
       case(2.5, 0.5, about="numbers with decimals"),
       case(10 ** 20, 10, about="a very big number"))
def safe_divide_more(s, a, b):
    "safe_divide with negatives, zeros and decimals"
    return call(s.safe_divide, a, b)


@check(weight=2, visible=False, exact_types=True)
@cases(case(" 7 ", about="spaces around a whole number"),
       case("-3", about="a negative whole number"),
       case("+12", about="a plus sign"),
       case("", about="an empty text"),
       case("1e3", about="a number written with an e"),
       case("3,5", about="a comma instead of a dot"),
       case("0", about="zero"),
       case("-0.5", about="a negative number with decimals"),
       case("12abc", about="digits followed by letters"),
       case("١٢", about="digits of another alphabet"))
def to_number_more(s, text):
    "to_number with spaces, signs, empty texts and other spellings of numbers"
    return call(s.to_number, text)


@check(weight=3, visible=False)
@cases(case([[5]], about="one number"),
       case([[]], about="an empty list"),
       case([[1, 2, 3, 4]], about="an average that is not whole"),
       case([["x"]], about="a list with a text: the TypeError must reach the caller"),
       case([[-1, 1]], about="numbers that cancel out"),
       case([[5], [], [1, 2, 3, 4], ["x"], [-1, 1]], about="many calls with the same log"))
def average_with_log_more(s, lists):
    "average_with_log: the log after successes and failures; errors always reach the caller"
    log = []
    got = [call(s.average_with_log, values, log) for values in lists]
    return [got, log]
