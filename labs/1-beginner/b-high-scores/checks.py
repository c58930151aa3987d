from labcheck import check, cases, case, case_call, run_main, source_text


def game(*scores):
    return "".join(f"{x}\n" for x in scores) + "done\n"


@check(weight=2)
def example_five_scores():
    "the high score table for the scores 85, 12, 90, 44 and 70"
    return run_main(stdin=game(85, 12, 90, 44, 70))


@check(weight=3, visible=False)
@cases(case(game(7), about="only one score"), case(game(3, 9), about="only two scores"),
       case(game(5, 5, 5, 5), about="all scores equal"),
       case(game(-10, -3, -50, 0), about="negative scores"),
       case(game(1000000, 999999, 1000001, 5), about="very big scores"),
       case(game(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), about="ten scores"))
def other_tables(scores):
    "the high score table for other scores"
    return run_main(stdin=scores)


@check(weight=1, visible=False)
@cases(case("done\n", about="no scores at all"))
def no_scores(scores):
    "says so when there are no scores"
    return run_main(stdin=scores)


@check(weight=2, visible=False)
@cases(case(game(50, 80, 10), about="the last score typed is the lowest"),
       case(game(50, 10, 80), about="the last score typed is the best"),
       case(game(30, 90, 20, 60), about="the last score typed is in the middle"))
def last_is_not_sorted(scores):
    "Last: is the score typed last, wherever it is in the ranking"
    return run_main(stdin=scores)


@check(weight=1)
def uses_a_loop():
    "your program reads the scores with a for or while loop, as the README asks"
    import ast
    case_call("looking for a for or while loop in your code")
    tree = ast.parse(source_text())
    return any(isinstance(node, (ast.For, ast.While)) for node in ast.walk(tree))
