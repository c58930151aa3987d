from labcheck import check, case_call, run_main, source_has_comment

# The first lab has one correct output, so there is nothing to hide: both checks are visible.


@check(weight=3)
def prints_the_three_lines():
    "your program prints the three lines exactly"
    return run_main()


@check(weight=1)
def has_a_comment():
    "your program has at least one # comment"
    case_call("looking for a # comment in your code")
    return source_has_comment()
