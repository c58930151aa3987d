from labcheck import check, run_main, run


@check(weight=2)
def example_three_tries():
    "three, 12, then 3"
    return run_main(stdin="three\n12\n3\n")


@check(weight=1)
def example_first_try():
    "5 at the first try"
    return run_main(stdin="5\n")


@check(weight=3, visible=False)
def boundaries_and_odd_texts():
    "0, 11, -1, 1.5, an empty line, spaces, then the limits 1 and 10"
    return [run_main(stdin="0\n11\n-1\n1.5\n\n  \n1\n"), run_main(stdin="10\n"),
            run_main(stdin="ten\n 7 \n"), run_main(stdin="4\n5\n")]


@check(weight=3, visible=False)
def input_runs_out():
    "the input ends before a valid answer (also with no input at all): no crash"
    return [run(stdin=s) for s in ("", "abc\n", "0\n99\n", "x\ny\nz")]
