import ast

from labcheck import case, case_call, cases, check, call, source_text

# ---- the construct this lab is about: read the student's code with ast -----------------------

KINDS = {ast.ListComp: "a list comprehension", ast.SetComp: "a set comprehension",
         ast.DictComp: "a dictionary comprehension", ast.GeneratorExp: "a generator expression",
         ast.Set: "a set", ast.Name: "a variable", ast.Call: "the result of a call",
         ast.Constant: "a constant"}

# What the comprehension itself must do (README.md says so for each function).
NEEDS = {
    "change": ("a change to each item", lambda c: not isinstance(c.elt, ast.Name)),
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
    return f"returns {KINDS[want]} with " + " and ".join(NEEDS[k][0] for k in needs)


def no_loops():
    case_call("your whole file")
    return first_loop(ast.parse(source_text())) or "no for or while loop statements"


# ---- visible checks: the examples of README.md (a set is compared as a set) --------------------


@check(weight=1)
def example_first_letters(s):
    "first_letters gives the set of first letters in lowercase"
    return call(s.first_letters, ["Apple", "avocado", "Banana", ""])


@check(weight=1)
def example_email_domains(s):
    "email_domains gives the set of domains in lowercase"
    return call(s.email_domains, ["ada@school.org", "bo@Mail.com", "cy@school.org"])


@check(weight=1)
def example_common_multiples(s):
    "common_multiples gives the multiples of both numbers up to the limit"
    return call(s.common_multiples, 2, 3, 20)


@check(weight=2)
@cases(("first_letters", ("change",)), ("email_domains", ("change",)),
       ("common_multiples", ("filter",)),
       case(None, None, about="no for or while loop anywhere in the file"))
def uses_set_comprehensions(s, name, needs):
    "each function returns a set comprehension that does the work, and the file has no loops"
    if name is None:
        return no_loops()
    return code_of(name, ast.SetComp, needs)


# ---- hidden checks: other inputs and edge cases ------------------------------------------------


@check(weight=2, visible=False)
@cases(case([], about="no words at all: an empty set"), case([""], about="only an empty word"),
       case(["Zoë", "zebra", "Émile"], about="capital letters with accents"),
       case(["1st", "2nd", "1"], about="words that start with a digit"),
       case(["x"] * 5, about="the same word five times"), ["Kiwi", "kale", "Lime", "fig"])
def first_letters_more(s, words):
    "first_letters finds the first letters of other words"
    return call(s.first_letters, words)


@check(weight=2, visible=False)
@cases(case([], about="no emails at all: an empty set"),
       case(["A@B.C"], about="an email in capitals"),
       case(["x@y.com", "z@Y.COM", "w@y.com"], about="one domain written in different ways"),
       ["me@home.net", "you@work.net"], ["ada@school.org"])
def email_domains_more(s, emails):
    "email_domains finds the domains of other emails"
    return call(s.email_domains, emails)


@check(weight=2, visible=False)
@cases(case(2, 3, 6, about="the limit itself is a common multiple"),
       case(2, 3, 5, about="the limit is too small for any common multiple"),
       case(4, 4, 12, about="the same number twice"), case(1, 1, 5, about="a and b are both 1"),
       case(5, 7, 34, about="the limit just below a common multiple"), (5, 7, 35),
       case(3, 9, 30, about="one number divides the other"), case(6, 4, 0, about="a limit of 0"),
       case(5, 7, 1, about="nothing found: still a set"))
def common_multiples_more(s, a, b, limit):
    "common_multiples finds the common multiples of other numbers"
    return call(s.common_multiples, a, b, limit)
