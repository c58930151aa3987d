import ast

from labcheck import check, cases, case, case_call, run_main, source_text


def caught_names():
    """The exception names that the student's `except` clauses catch ("*" for a bare except)."""
    try:
        tree = ast.parse(source_text())
    except SyntaxError:
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler):
            kinds = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            for k in kinds:
                if k is None:
                    names.add("*")
                elif isinstance(k, ast.Name):
                    names.add(k.id)
                elif isinstance(k, ast.Attribute):
                    names.add(k.attr)
    return names


# Visible checks: the examples of README.md.


@check(weight=2)
def example_three_tries():
    "asks again after a word and after a number that is too big, then sells the tickets"
    return run_main(stdin="three\n12\n3\n")


@check(weight=1)
def example_first_try():
    "sells the tickets at once when the first answer is good"
    return run_main(stdin="5\n")


@check(weight=1)
@cases("ValueError", "EOFError")
def catches_the_errors(name):
    "catches the errors with try/except, as the README asks"
    case_call(f"your code has an except {name}")
    return name in caught_names()


# Hidden checks: limits, strange texts, the end of the input.


@check(weight=3, visible=False)
@cases(case("0\n11\n-1\n1.5\n\n  \n1\n", about="many wrong answers in a row, then the smallest allowed number"),
       case("10\n", about="the biggest allowed number"),
       case("ten\n 7 \n", about="a word, then a number with spaces around it"),
       case("4\n5\n", about="stops after the first good answer"),
       case("0\n2\n", about="zero tickets"),
       case("11\n9\n", about="one ticket too many"),
       case("-3\n1\n", about="a negative number"),
       case("2.5\n6\n", about="a number with a decimal point"),
       case("\n8\n", about="an empty answer (only Enter)"),
       case("7 tickets\nseven\n7\n", about="a number followed by a word"))
def boundaries_and_odd_texts(stdin):
    "asks again for every answer that is not a whole number from 1 to 10"
    return run_main(stdin=stdin)


@check(weight=3, visible=False)
@cases(case("", about="no input at all"),
       case("abc\n", about="a word, then the input ends"),
       case("0\n99\n", about="two numbers out of range, then the input ends"),
       case("x\ny\nz", about="the last line has no Enter at its end"))
def input_runs_out(stdin):
    "says that no tickets were bought when the input ends too early (no crash)"
    return run_main(stdin=stdin)
