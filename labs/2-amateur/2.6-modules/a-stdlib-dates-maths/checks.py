from labcheck import check, call


@check(weight=1)
def example_dates(s):
    'weekday_name("2024-12-25") and add_days("2024-12-25", 7)'
    return [call(s.weekday_name, "2024-12-25"), call(s.add_days, "2024-12-25", 7)]


@check(weight=1)
def example_maths(s):
    'hypotenuse(3, 4), round_up(23, 5), round_up(20, 5), gcd_all(12, 18, 30)'
    return [call(s.hypotenuse, 3, 4), call(s.round_up, 23, 5), call(s.round_up, 20, 5),
            call(s.gcd_all, 12, 18, 30)]


DATES = ["2000-01-01", "1969-07-20", "2024-02-29", "2023-12-31", "2100-03-01", "2026-11-26",
         "1900-02-28"]


@check(weight=3, visible=False)
def dates_more(s):
    "weekday_name and add_days across months, years and leap days, forwards and backwards"
    names = [call(s.weekday_name, d) for d in DATES]
    moved = [call(s.add_days, d, n) for d in DATES for n in [0, 1, -1, 366, -1000]]
    return [names, moved]


@check(weight=2, visible=False)
def is_leap_more(s):
    "is_leap for years divisible by 4, by 100 and by 400"
    return [call(s.is_leap, y) for y in [2024, 2023, 2000, 1900, 2100, 2400, 1, 4, 1996]]


@check(weight=3, visible=False)
def maths_more(s):
    "hypotenuse, round_up and gcd_all with other numbers (zeros, one number, no numbers, negatives)"
    return [[call(s.hypotenuse, a, b) for a, b in [(0, 0), (1, 1), (5, 12), (0.3, 0.4), (1e6, 1)]],
            [call(s.round_up, n, st) for n, st in [(0, 5), (1, 5), (5, 5), (6, 5), (22, 1),
                                                   (101, 10), (24, 5)]],
            [call(s.gcd_all, *n) for n in [(), (7,), (0, 9), (8, 12), (17, 13), (-4, 6),
                                           (100, 75, 50, 25)]]]
