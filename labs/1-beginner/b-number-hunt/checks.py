from labcheck import check, call


@check(weight=1)
def example_first_negative(s):
    "first_negative([4, 7, -2, 5, -9]) and first_negative([1, 2, 3])"
    return [call(s.first_negative, [4, 7, -2, 5, -9]), call(s.first_negative, [1, 2, 3])]


@check(weight=1)
def example_sum_of_positives(s):
    "sum_of_positives([3, -1, 4, 0, -5, 2])"
    return call(s.sum_of_positives, [3, -1, 4, 0, -5, 2])


@check(weight=1)
def example_sum_until_zero(s):
    "sum_until_zero([5, 3, 0, 10, 20])"
    return call(s.sum_until_zero, [5, 3, 0, 10, 20])


LISTS = [[], [0], [-1], [7], [-3, -2, -1], [1, 0, -1], [0, 5, 6], [9, 8, 7, 0],
         [2, -2, 2, -2, 0, -7], [100, 0, 0, -1], list(range(50, -10, -3))]


@check(weight=2, visible=False)
def first_negative_more(s):
    "first_negative with other lists (empty, negative first, negative last)"
    return [call(s.first_negative, list(x)) for x in LISTS]


@check(weight=2, visible=False)
def sum_of_positives_more(s):
    "sum_of_positives with other lists (empty, only negatives, zeros)"
    return [call(s.sum_of_positives, list(x)) for x in LISTS]


@check(weight=2, visible=False)
def sum_until_zero_more(s):
    "sum_until_zero with other lists (empty, zero first, no zero at all)"
    return [call(s.sum_until_zero, list(x)) for x in LISTS]


@check(weight=1, visible=False)
def lists_are_not_changed(s):
    "The functions do not change the list they are given"
    data = [4, 0, -2, 6]
    call(s.first_negative, data)
    call(s.sum_of_positives, data)
    call(s.sum_until_zero, data)
    return data
