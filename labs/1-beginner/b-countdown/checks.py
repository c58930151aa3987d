from labcheck import check, run_main


@check(weight=2)
def example_from_5():
    "Input 5"
    return run_main(stdin="5\n")


@check(weight=1)
def example_from_0():
    "Input 0"
    return run_main(stdin="0\n")


@check(weight=3, visible=False)
def other_starts():
    "Other numbers: 1, 2, 12, 25"
    return [run_main(stdin=f"{n}\n") for n in (1, 2, 12, 25)]


@check(weight=1, visible=False)
def negative_start():
    "A negative number"
    return run_main(stdin="-3\n")


@check(weight=1, visible=False)
def long_countdown():
    "A long countdown from 1000"
    return run_main(stdin="1000\n")
