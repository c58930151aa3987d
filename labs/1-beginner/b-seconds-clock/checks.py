from labcheck import check, run_main


@check(weight=1)
def example_3725():
    "3725 seconds"
    return run_main(stdin="3725\n")


@check(weight=1)
def example_59():
    "59 seconds"
    return run_main(stdin="59\n")


@check(weight=3, visible=False)
def more_times():
    "Other numbers of seconds (zero, exactly one minute, exactly one hour, just below an hour)"
    return [run_main(stdin=f"{n}\n") for n in (0, 60, 61, 3599, 3600, 7322, 86399)]


@check(weight=2, visible=False)
def very_long_times():
    "More than a day, and a number typed with spaces around it"
    return [run_main(stdin=f"{n}\n") for n in ("90061", "1000000", " 4000 ")]
