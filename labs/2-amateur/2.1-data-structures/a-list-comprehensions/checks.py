import ast

from labcheck import case, case_call, cases, check, call, source_text

# ---- the construct this lab is about: read the student's code with ast -----------------------

KINDS = {ast.ListComp: "a list comprehension", ast.SetComp: "a set comprehension",
         ast.DictComp: "a dictionary comprehension", ast.GeneratorExp: "a generator expression",
         ast.List: "a list", ast.Name: "a variable", ast.Call: "the result of a call",
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


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
def example_squares(s):
    "squares gives the square of every number"
    return call(s.squares, [1, 2, 3, -4])


@check(weight=1)
def example_long_words(s):
    "long_words keeps only the words longer than n"
    return call(s.long_words, ["cat", "giraffe", "dog", "zebra"], 3)


@check(weight=1)
def example_shout(s):
    "shout writes every word in capitals with a !"
    return call(s.shout, ["hi", "stop"])


@check(weight=2)
@cases(("squares", ("change",)), ("long_words", ("filter",)), ("shout", ("change",)),
       case(None, None, about="no for or while loop anywhere in the file"))
def uses_list_comprehensions(s, name, needs):
    "each function returns a list comprehension that does the work, and the file has no loops"
    if name is None:
        return no_loops()
    return code_of(name, ast.ListComp, needs)


# ---- hidden checks: other inputs and edge cases ------------------------------------------------


@check(weight=2, visible=False)
@cases(case([], about="an empty list"), case([0], about="zero"),
       case([-1, -2], about="negative numbers"), case([10, 100, 1000], about="big numbers"),
       case([2.5], about="a decimal number"), case([7, 7, 7], about="the same number three times"),
       case((1, 2), about="numbers given in a tuple: the answer is still a list"),
       [3, -3, 12])
def squares_more(s, numbers):
    "squares squares every number of other lists"
    return call(s.squares, numbers)


@check(weight=2, visible=False)
@cases(case([], 2, about="no words at all"),
       case(["a", "bb", "ccc"], 2, about="a word with exactly n letters is not long enough"),
       case(["a", "bb", "ccc"], 0, about="n = 0"),
       case(["sun", "moon"], 10, about="no word is long enough"),
       (["tree", "Tree", "forest"], 4),
       case(["Zoë", "Ann"], 2, about="letters with accents"),
       (["elephant", "ant", "hippo", "cow", "otter"], 4))
def long_words_more(s, words, n):
    "long_words keeps only the words longer than n, for other words and n"
    return call(s.long_words, words, n)


@check(weight=2, visible=False)
@cases(case([], about="no words at all"), case([""], about="an empty word"),
       case(["OK"], about="a word already in capitals"), ["hello", "World"],
       case(["zoë"], about="letters with accents"), case(["a b"], about="a word with a space"),
       ["go", "go", "team"])
def shout_more(s, words):
    "shout writes other words in capitals with a !"
    return call(s.shout, words)
