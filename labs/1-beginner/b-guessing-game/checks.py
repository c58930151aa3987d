from labcheck import check, run_main


@check(weight=2)
def example_game():
    "Secret 7; guesses 3, (empty line), 9, 7"
    return run_main(stdin="7\n3\n\n9\n7\n")


@check(weight=3, visible=False)
def other_games():
    "Other games (right at once, many guesses, negative numbers, big numbers)"
    games = ["42\n42\n",
             "50\n10\n90\n30\n70\n45\n55\n50\n",
             "-3\n0\n-10\n-3\n",
             "1000000\n999999\n1000001\n1000000\n",
             "0\n-1\n1\n0\n"]
    return [run_main(stdin=g) for g in games]


@check(weight=2, visible=False)
def empty_lines_and_quit():
    "Several empty lines, quit at once, quit after some guesses"
    games = ["5\n\n\n\n5\n", "8\nquit\n", "12\n1\n\n20\nquit\n", "3\n\n\n4\n\n2\n\n3\n"]
    return [run_main(stdin=g) for g in games]


@check(weight=2, visible=False)
def stops_after_the_end():
    "Lines after a correct guess or after quit are not read (even if they are not numbers)"
    games = ["6\n6\n1\n2\n", "6\n2\n6\nhello\n", "9\nquit\n9\noops\n"]
    return [run_main(stdin=g) for g in games]
