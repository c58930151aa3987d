from labcheck import check, call, source_text, type_name

FUNCTIONS = ("squares", "long_words", "shout")


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
def example_squares(s):
    "squares([1, 2, 3, -4])"
    return call(s.squares, [1, 2, 3, -4])


@check(weight=1)
def example_long_words(s):
    'long_words(["cat", "giraffe", "dog", "zebra"], 3)'
    return call(s.long_words, ["cat", "giraffe", "dog", "zebra"], 3)


@check(weight=1)
def example_shout(s):
    'shout(["hi", "stop"])'
    return call(s.shout, ["hi", "stop"])


@check(weight=1)
def uses_list_comprehensions(s):
    "each function is written with a list comprehension"
    return {name: "ListComp" in comprehension_kinds(name) for name in FUNCTIONS}


@check(weight=2, visible=False)
def squares_more(s):
    "squares with other lists (empty, zero, negatives, big numbers, floats)"
    cases = [[], [0], [-1, -2], [10, 100, 1000], [2.5], [7, 7, 7]]
    out = [call(s.squares, c) for c in cases]
    return [out, type_name(call(s.squares, (1, 2)))]


@check(weight=2, visible=False)
def long_words_more(s):
    "long_words with other lists and lengths (exact length, n = 0, nothing long enough)"
    cases = [([], 2), (["a", "bb", "ccc"], 2), (["a", "bb", "ccc"], 0), (["sun", "moon"], 10),
             (["tree", "Tree", "forest"], 4), (["Zoë", "Ann"], 2)]
    return [call(s.long_words, w, n) for w, n in cases]


@check(weight=2, visible=False)
def shout_more(s):
    "shout with other words (empty list, empty word, capitals already, accents)"
    cases = [[], [""], ["OK"], ["hello", "World"], ["zoë"], ["a b"]]
    return [call(s.shout, c) for c in cases]
