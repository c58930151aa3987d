from labcheck import check, call, source_text

FUNCTIONS = ("positive_doubles", "grade_labels", "flatten", "times_table")


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
def example_positive_doubles(s):
    "positive_doubles([3, -1, 0, 5])"
    return call(s.positive_doubles, [3, -1, 0, 5])


@check(weight=1)
def example_grade_labels(s):
    "grade_labels([72, 49, 50])"
    return call(s.grade_labels, [72, 49, 50])


@check(weight=1)
def example_flatten(s):
    "flatten([[1, 2], [3], [4, 5, 6]])"
    return call(s.flatten, [[1, 2], [3], [4, 5, 6]])


@check(weight=1)
def example_times_table(s):
    "times_table(3)"
    return call(s.times_table, 3)


@check(weight=1)
def uses_list_comprehensions(s):
    "each function is written with a list comprehension"
    return {name: "ListComp" in comprehension_kinds(name) for name in FUNCTIONS}


@check(weight=2, visible=False)
def positive_doubles_more(s):
    "positive_doubles with other lists (empty, only negatives, zeros, floats)"
    cases = [[], [-5, -1], [0, 0], [1], [0.5, -0.5], [100, -100, 7]]
    return [call(s.positive_doubles, c) for c in cases]


@check(weight=2, visible=False)
def grade_labels_more(s):
    "grade_labels at the boundary and with extreme scores"
    cases = [[], [0], [100], [49, 50, 51], [49.5, 50.0], [-3]]
    return [call(s.grade_labels, c) for c in cases]


@check(weight=2, visible=False)
def flatten_more(s):
    "flatten with empty rows, one row, texts and nested lists"
    cases = [[], [[]], [[], [1], []], [["a", "b"], ["c"]], [[[1, 2]], [3]], [[7] * 4] * 3]
    return [call(s.flatten, c) for c in cases]


@check(weight=2, visible=False)
def times_table_more(s):
    "times_table for 0, 1, 2, 5 and 12"
    return [call(s.times_table, n) for n in (0, 1, 2, 5, 12)]
