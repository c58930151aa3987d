from labcheck import check, run_main


def game(*scores):
    return "".join(f"{x}\n" for x in scores) + "done\n"


@check(weight=2)
def example_five_scores():
    "Scores 85, 12, 90, 44, 70"
    return run_main(stdin=game(85, 12, 90, 44, 70))


@check(weight=3, visible=False)
def other_tables():
    "Other tables (one score, two scores, equal scores, negative scores, big scores)"
    tables = [game(7), game(3, 9), game(5, 5, 5, 5), game(-10, -3, -50, 0),
              game(1000000, 999999, 1000001, 5), game(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)]
    return [run_main(stdin=t) for t in tables]


@check(weight=1, visible=False)
def no_scores():
    "No scores at all"
    return run_main(stdin="done\n")


@check(weight=2, visible=False)
def last_is_not_sorted():
    "The last score typed is the lowest / the highest / in the middle"
    tables = [game(50, 80, 10), game(50, 10, 80), game(30, 90, 20, 60)]
    return [run_main(stdin=t) for t in tables]
