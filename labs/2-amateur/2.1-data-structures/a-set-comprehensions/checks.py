from labcheck import check, call, source_text, type_name

FUNCTIONS = ("first_letters", "email_domains", "common_multiples")


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
def example_first_letters(s):
    'first_letters(["Apple", "avocado", "Banana", ""]) gives a set'
    r = call(s.first_letters, ["Apple", "avocado", "Banana", ""])
    return [r, type_name(r)]


@check(weight=1)
def example_email_domains(s):
    'email_domains(["ada@school.org", "bo@Mail.com", "cy@school.org"])'
    return call(s.email_domains, ["ada@school.org", "bo@Mail.com", "cy@school.org"])


@check(weight=1)
def example_common_multiples(s):
    "common_multiples(2, 3, 20)"
    return call(s.common_multiples, 2, 3, 20)


@check(weight=1)
def uses_set_comprehensions(s):
    "each function is written with a set comprehension"
    return {name: "SetComp" in comprehension_kinds(name) for name in FUNCTIONS}


@check(weight=2, visible=False)
def first_letters_more(s):
    "first_letters with no words, only empty words, capitals, digits and accents"
    cases = [[], [""], ["Zoë", "zebra", "Émile"], ["1st", "2nd", "1"], ["x"] * 5]
    out = [call(s.first_letters, c) for c in cases]
    return [out, [type_name(r) for r in out]]


@check(weight=2, visible=False)
def email_domains_more(s):
    "email_domains with no emails, capital letters, one domain many times"
    cases = [[], ["A@B.C"], ["x@y.com", "z@Y.COM", "w@y.com"], ["me@home.net", "you@work.net"]]
    out = [call(s.email_domains, c) for c in cases]
    return [out, [type_name(r) for r in out]]


@check(weight=2, visible=False)
def common_multiples_more(s):
    "common_multiples with the limit itself a multiple, limit too small, equal numbers, 1"
    cases = [(2, 3, 6), (2, 3, 5), (4, 4, 12), (1, 1, 5), (5, 7, 34), (5, 7, 35), (3, 9, 30), (6, 4, 0)]
    out = [call(s.common_multiples, a, b, n) for a, b, n in cases]
    return [out, type_name(call(s.common_multiples, 5, 7, 1))]
