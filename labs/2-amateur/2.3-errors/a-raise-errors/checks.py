from labcheck import check, call, type_name


@check(weight=1)
def example_check_age(s):
    'check_age(14) and check_age("14")'
    return [call(s.check_age, 14), call(s.check_age, "14")]


@check(weight=1)
def example_parse_time(s):
    'parse_time("09:30") and parse_time("24:00")'
    r = call(s.parse_time, "09:30")
    return [r, type_name(r), call(s.parse_time, "24:00")]


@check(weight=1)
def example_withdraw(s):
    "withdraw(50, 80)"
    return call(s.withdraw, 50, 80)


@check(weight=2, visible=False)
def check_age_more(s):
    "check_age at 0, 150, -1, 151, with a float, None and a list"
    return [call(s.check_age, a) for a in (0, 150, -1, 151, 42, 14.0, None, [14], "abc")]


@check(weight=3, visible=False)
def parse_time_more(s):
    "parse_time at the limits and with broken texts"
    texts = ["00:00", "23:59", "7:5", "12:60", "-1:30", "12", "1:2:3", "ab:cd", "", ":", "12:", "10:-0"]
    return [call(s.parse_time, t) for t in texts]


@check(weight=2, visible=False)
def withdraw_more(s):
    "withdraw everything, 0, negative amounts, one too much, floats"
    cases = [(50, 50), (50, 0), (50, -5), (50, 51), (0, 1), (10.5, 0.5), (100, 1)]
    return [call(s.withdraw, b, a) for b, a in cases]
