from labcheck import check, call


@check(weight=1)
def example_times_table(s):
    "times_table(3)"
    return call(s.times_table, 3)


@check(weight=1)
def example_evens_between(s):
    "evens_between(3, 10)"
    return call(s.evens_between, 3, 10)


@check(weight=1)
def example_count_down_by(s):
    "count_down_by(10, 3)"
    return call(s.count_down_by, 10, 3)


@check(weight=1)
def example_sum_to(s):
    "sum_to(4)"
    return call(s.sum_to, 4)


@check(weight=1, visible=False)
def times_table_more(s):
    "times_table of 0, 1, -2 and 12"
    return [call(s.times_table, n) for n in (0, 1, -2, 12)]


@check(weight=2, visible=False)
def evens_between_more(s):
    "evens_between with even ends, odd ends, one number, a > b and negative numbers"
    cases = [(2, 8), (1, 1), (2, 2), (10, 3), (-5, 3), (-4, -4), (0, 0), (7, 9)]
    return [call(s.evens_between, a, b) for a, b in cases]


@check(weight=2, visible=False)
def count_down_by_more(s):
    "count_down_by with step 1, a big step, a step that lands on 0, and start 0"
    cases = [(5, 1), (9, 3), (10, 5), (3, 10), (1, 1), (0, 2), (100, 33)]
    return [call(s.count_down_by, a, b) for a, b in cases]


@check(weight=2, visible=False)
def sum_to_more(s):
    "sum_to of 1, 0, negative numbers and big numbers"
    return [call(s.sum_to, n) for n in (1, 0, -5, 2, 10, 100, 1000)]
