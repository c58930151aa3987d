from labcheck import case, cases, check, call

# Rows are (function name, arguments...): the case calls that function of the student's file,
# and call() records the call text, e.g. add_days('2024-12-25', 7).
# The maths checks use exact_types=True: round_up and gcd_all give whole numbers (int), so
# 25.0 where 25 is expected is a wrong answer.


def run(s, name, args):
    return call(getattr(s, name), *args)


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
@cases(("weekday_name", ("2024-12-25",)), ("add_days", ("2024-12-25", 7)))
def example_dates(s, name, args):
    "the weekday of Christmas 2024 and the date a week later (the README's examples)"
    return run(s, name, args)


@check(weight=1, exact_types=True)
@cases(("hypotenuse", (3, 4)), ("round_up", (23, 5)), ("round_up", (20, 5)),
       ("gcd_all", (12, 18, 30)))
def example_maths(s, name, args):
    "a long side, rounding up to a multiple, a common divisor (the README's examples)"
    return run(s, name, args)


# ---- hidden checks --------------------------------------------------------------------------

DATES = {"2000-01-01": "the first day of 2000", "1969-07-20": "a date long ago",
         "2024-02-29": "29 February", "2023-12-31": "the last day of a year",
         "2100-03-01": "1 March of a year that is not a leap year",
         "2026-11-26": "a date in the future", "1900-02-28": "the end of February 1900"}
MOVES = {0: "0 days", 1: "1 day", -1: "1 day back", 366: "366 days", -1000: "1000 days back"}


@check(weight=3, visible=False)
@cases(*[case("weekday_name", (d,), about=f"weekday_name of {about}")
         for d, about in DATES.items()],
       *[case("add_days", (d, n), about=f"add_days: {MOVES[n]} from {about}")
         for d, about in DATES.items() for n in MOVES])
def dates_more(s, name, args):
    "weekdays and moved dates across months, years and leap days, forwards and backwards"
    return run(s, name, args)


@check(weight=2, visible=False)
@cases(case(2024, about="a year divisible by 4"),
       case(2023, about="a year not divisible by 4"),
       case(2000, about="a year divisible by 400"),
       case(1900, about="a year divisible by 100 but not by 400"),
       case(2100, about="another year divisible by 100 but not by 400"),
       case(2400, about="another year divisible by 400"),
       case(1, about="the year 1"),
       case(4, about="the year 4"),
       case(1996, about="a year in the 1990s"))
def is_leap_more(s, year):
    "leap years: divisible by 4, by 100 and by 400"
    return call(s.is_leap, year)


@check(weight=3, visible=False, exact_types=True)
@cases(case("hypotenuse", (0, 0), about="hypotenuse of a triangle with no size"),
       case("hypotenuse", (1, 1), about="hypotenuse that needs rounding"),
       case("hypotenuse", (5, 12), about="hypotenuse that is a whole number"),
       case("hypotenuse", (0.3, 0.4), about="hypotenuse of short decimal sides"),
       case("hypotenuse", (1e6, 1), about="hypotenuse of a very long thin triangle"),
       case("round_up", (0, 5), about="round_up of 0"),
       case("round_up", (1, 5), about="round_up of a small number"),
       case("round_up", (5, 5), about="round_up of an exact multiple"),
       case("round_up", (6, 5), about="round_up just past a multiple"),
       case("round_up", (22, 1), about="round_up with step 1"),
       case("round_up", (101, 10), about="round_up to tens"),
       case("round_up", (24, 5), about="round_up just before a multiple"),
       case("gcd_all", (), about="gcd_all of no numbers"),
       case("gcd_all", (7,), about="gcd_all of one number"),
       case("gcd_all", (0, 9), about="gcd_all with a zero"),
       case("gcd_all", (8, 12), about="gcd_all of two numbers"),
       case("gcd_all", (17, 13), about="gcd_all of two prime numbers"),
       case("gcd_all", (-4, 6), about="gcd_all with a negative number"),
       case("gcd_all", (100, 75, 50, 25), about="gcd_all of four numbers"))
def maths_more(s, name, args):
    "long sides, rounding up and common divisors with zeros, one number, no numbers, negatives"
    return run(s, name, args)
