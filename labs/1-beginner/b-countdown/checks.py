from labcheck import check, cases, case, case_call, run_main, source_text


def countdown(n):
    return run_main(stdin=f"{n}\n")


@check(weight=2)
def example_from_5():
    "counts down from 5 to 1, then Liftoff!"
    return countdown(5)


@check(weight=1)
def example_from_0():
    "starting at 0 there is nothing to count"
    return countdown(0)


@check(weight=3, visible=False)
@cases(case(1, about="the shortest countdown"), 2, 12, 25)
def other_starts(n):
    "counts down from other numbers"
    return countdown(n)


@check(weight=1, visible=False)
@cases(case(-3, about="a negative number"), case(-1, about="minus one"))
def negative_start(n):
    "a negative start has nothing to count either"
    return countdown(n)


@check(weight=1, visible=False)
@cases(case(1000, about="a long countdown"))
def long_countdown(n):
    "counts down a long way"
    return countdown(n)


@check(weight=1)
def uses_a_loop():
    "your program counts with a for or while loop, as the README asks"
    import ast
    case_call("looking for a for or while loop in your code")
    tree = ast.parse(source_text())
    return any(isinstance(node, (ast.For, ast.While)) for node in ast.walk(tree))
