from labcheck import check, run_main


@check(weight=1)
def example_6():
    "n = 6"
    return run_main(stdin="6\n")


@check(weight=1)
def example_15():
    "n = 15"
    return run_main(stdin="15\n")


@check(weight=3, visible=False)
def other_numbers():
    "Other numbers (1, 3, 5, 16, 31, 100)"
    return [run_main(stdin=f"{n}\n") for n in (1, 3, 5, 16, 31, 100)]


@check(weight=1, visible=False)
def nothing_to_count():
    "0 and negative numbers print nothing"
    return [run_main(stdin=f"{n}\n") for n in (0, -4)]
