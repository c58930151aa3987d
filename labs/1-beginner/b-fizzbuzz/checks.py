from labcheck import check, cases, case, case_call, run_main, source_text


def play(n):
    return run_main(stdin=f"{n}\n")


@check(weight=1)
def example_6():
    "plays FizzBuzz up to 6"
    return play(6)


@check(weight=1)
def example_15():
    "plays FizzBuzz up to 15, where the first FizzBuzz comes"
    return play(15)


@check(weight=3, visible=False)
@cases(case(1, about="only one number"), case(3, about="the game ends on a Fizz"),
       case(5, about="the game ends on a Buzz"), 16, 31, case(100, about="a long game"))
def other_numbers(n):
    "plays FizzBuzz up to other numbers"
    return play(n)


@check(weight=1, visible=False)
@cases(case(0, about="zero"), case(-4, about="a negative number"))
def nothing_to_count(n):
    "prints nothing when there is nothing to count"
    return play(n)


@check(weight=1)
@cases(case("loop", about="a for or while loop counts"),
       case("if", about="if, elif and else choose what to print"))
def uses_a_loop_and_if(what):
    "your program uses a for or while loop and an if, as the README asks"
    import ast
    tree = ast.parse(source_text())
    if what == "loop":
        case_call("looking for a for or while loop in your code")
        return any(isinstance(node, (ast.For, ast.While)) for node in ast.walk(tree))
    case_call("looking for an if in your code")
    return any(isinstance(node, ast.If) for node in ast.walk(tree))
