from labcheck import case, cases, check, run_main


@check(weight=1)
def example_3725():
    "3725 seconds are 1 hour, 2 minutes and 5 seconds (the README's first example)"
    return run_main(stdin="3725\n")


@check(weight=1)
def example_59():
    "59 seconds: no hours and no minutes, and the clock shows 0:00:59"
    return run_main(stdin="59\n")


@check(weight=3, visible=False)
@cases(case(0, about="zero seconds"),
       case(60, about="exactly one minute"),
       case(61, about="just over one minute"),
       case(3599, about="one second before a full hour"),
       case(3600, about="exactly one hour"),
       case(7322, about="a bit more than two hours"),
       case(86399, about="one second before a full day"))
def more_times(seconds):
    "Other numbers of seconds, also exactly at a full minute or hour"
    return run_main(stdin=f"{seconds}\n")


@check(weight=2, visible=False)
@cases(case("90061", about="more than a day"),
       case("1000000", about="a million seconds"),
       case(" 4000 ", about="a number typed with spaces around it"))
def very_long_times(typed):
    "More than a day (the hours keep counting), and a number typed with spaces around it"
    return run_main(stdin=f"{typed}\n")
