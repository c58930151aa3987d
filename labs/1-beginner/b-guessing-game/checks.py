from labcheck import check, cases, case, case_call, run_main, source_text


@check(weight=2)
def example_game():
    "plays the game of the README: secret 7, guesses 3, an empty line, 9 and 7"
    return run_main(stdin="7\n3\n\n9\n7\n")


@check(weight=3, visible=False)
@cases(case("42\n42\n", about="right at the first guess"),
       case("50\n10\n90\n30\n70\n45\n55\n50\n", about="many guesses"),
       case("-3\n0\n-10\n-3\n", about="a negative secret number"),
       case("1000000\n999999\n1000001\n1000000\n", about="a very big secret number"),
       case("0\n-1\n1\n0\n", about="the secret number is 0"))
def other_games(game):
    "plays other games to the end"
    return run_main(stdin=game)


@check(weight=2, visible=False)
@cases(case("5\n\n\n\n5\n", about="several empty lines before the right guess"),
       case("8\nquit\n", about="quit before the first guess"),
       case("12\n1\n\n20\nquit\n", about="quit after some guesses"),
       case("3\n\n\n4\n\n2\n\n3\n", about="empty lines between the guesses"))
def empty_lines_and_quit(game):
    "skips empty lines and stops at quit"
    return run_main(stdin=game)


@check(weight=2, visible=False)
@cases(case("6\n6\n1\n2\n", about="more guesses after the right one"),
       case("6\n2\n6\nhello\n", about="a word after the right guess"),
       case("9\nquit\n9\noops\n", about="more lines after quit"))
def stops_after_the_end(game):
    "reads nothing more once the game has ended"
    return run_main(stdin=game)


@check(weight=1)
def uses_break_or_continue():
    "your loop uses break or continue, as the README asks"
    import ast
    case_call("looking for break or continue in your code")
    tree = ast.parse(source_text())
    return any(isinstance(node, (ast.Break, ast.Continue)) for node in ast.walk(tree))
