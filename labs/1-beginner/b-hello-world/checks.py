from labcheck import check, run_main, source_has_comment

# The first lab has one correct output, so there is nothing to hide: both checks are visible.


@check(weight=3)
def prints_the_three_lines():
    "What your program prints"
    return run_main()


@check(weight=1)
def has_a_comment():
    "Your program has at least one # comment"
    return source_has_comment()
