import ast

from labcheck import call, case, case_call, cases, check, source_text

AGES = {0: "a baby", 5: "5 years old", 6: "6 years old", 17: "17 years old", 18: "18 years old",
        30: "30 years old", 64: "64 years old", 65: "65 years old", 90: "90 years old"}
HEIGHTS = [100, 119, 120, 121, 139, 140, 141, 200]
YEARS = {2000: "a year divisible by 400", 2100: "a year divisible by 100 but not by 400",
         2400: "another year divisible by 400", 1996: "a year divisible by 4 but not by 100",
         1999: "an odd year", 2023: "a year not divisible by 4", 1600: "a year long ago",
         1700: "another year divisible by 100 but not by 400", 4: "the year 4", 1: "the year 1"}


def _code_has(kind):
    try:
        tree = ast.parse(source_text())
    except (SyntaxError, ValueError):
        return False
    if kind == "if":
        return any(isinstance(n, ast.If) for n in ast.walk(tree))
    return any(isinstance(n, ast.BoolOp) or (isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.Not))
               for n in ast.walk(tree))


@check(weight=1)
@cases((12, False), (30, True))
def example_ticket_prices(s, age, is_student):
    "ticket_price follows the table of the README"
    return call(s.ticket_price, age, is_student)


@check(weight=1)
@cases((130, True), (130, False))
def example_can_ride(s, height_cm, with_adult):
    "can_ride lets people from 120 cm ride only together with an adult"
    return call(s.can_ride, height_cm, with_adult)


@check(weight=1)
@cases(2024, 1900)
def example_leap_years(s, year):
    "is_leap_year knows that 2024 is a leap year and 1900 is not"
    return call(s.is_leap_year, year)


@check(weight=1)
@cases(case("if", about="an if statement"), case("logic", about="and, or or not"))
def code_uses_if_and_logic(what):
    "Your file decides with if and combines conditions with and, or or not"
    if what == "if":
        case_call("an if statement in your file")
    else:
        case_call("and, or or not in your file")
    return _code_has(what)


@check(weight=3, visible=False)
@cases(*[case(a, st, about=f"{who}, {'a student' if st else 'not a student'}")
         for st in (False, True) for a, who in AGES.items()])
def ticket_price_all_ages(s, age, is_student):
    "ticket_price uses the first rule of the table that fits, at every age boundary"
    return call(s.ticket_price, age, is_student)


@check(weight=2, visible=False)
@cases(*[case(h, adult, about=f"{h} cm, {'with an adult' if adult else 'alone'}")
         for adult in (False, True) for h in HEIGHTS])
def can_ride_boundaries(s, height_cm, with_adult):
    "can_ride: 140 cm may ride alone, 120 cm with an adult (checked just below, at and above)"
    return call(s.can_ride, height_cm, with_adult)


@check(weight=2, visible=False)
@cases(*[case(y, about=what) for y, what in YEARS.items()])
def leap_years_more(s, year):
    "is_leap_year follows the rule of 4, 100 and 400 for many years"
    return call(s.is_leap_year, year)
