from labcheck import check, call


@check(weight=1)
def example_safe_divide(s):
    "safe_divide(7, 2) and safe_divide(7, 0)"
    return [call(s.safe_divide, 7, 2), call(s.safe_divide, 7, 0)]


@check(weight=1)
def example_to_number(s):
    'to_number("42"), to_number("2.5"), to_number("two")'
    return [call(s.to_number, t) for t in ("42", "2.5", "two")]


@check(weight=1)
def example_average_with_log(s):
    "average_with_log([2, 4], log), then average_with_log([], log), then log"
    log = []
    return [call(s.average_with_log, [2, 4], log), call(s.average_with_log, [], log), log]


@check(weight=2, visible=False)
def safe_divide_more(s):
    "safe_divide with negatives, 0 divided by something, floats, 0.0"
    cases = [(0, 5), (-9, 3), (1, -4), (5, 0.0), (0, 0), (2.5, 0.5), (10 ** 20, 10)]
    return [call(s.safe_divide, a, b) for a, b in cases]


@check(weight=2, visible=False)
def to_number_more(s):
    "to_number with spaces, signs, an empty text, '1e3', '3,5', '0'"
    texts = [" 7 ", "-3", "+12", "", "1e3", "3,5", "0", "-0.5", "12abc", "١٢"]
    return [call(s.to_number, t) for t in texts]


@check(weight=3, visible=False)
def average_with_log_more(s):
    "average_with_log: the log after successes and failures; other errors also reach the caller"
    log = []
    got = [call(s.average_with_log, [5], log), call(s.average_with_log, [], log),
           call(s.average_with_log, [1, 2, 3, 4], log), call(s.average_with_log, ["x"], log),
           call(s.average_with_log, [-1, 1], log)]
    return [got, log]
