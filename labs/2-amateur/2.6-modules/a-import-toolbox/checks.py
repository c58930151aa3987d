# Speed: every check runs in a fresh process forked from the harness, and the student's file is
# imported again in each of them.  `statistics` alone pulls in fractions, decimal, random and
# more (about 100 ms per process in the sandbox, which made grading this lab take over 2 s).
# Importing the four modules here, once, while the harness loads checks.py, means every check
# finds them already in sys.modules and the student's `import` lines cost nothing.  (They are
# the same module objects the student's imports would give.)
import collections  # noqa: F401
import datetime  # noqa: F401
import math  # noqa: F401
import statistics  # noqa: F401

from labcheck import case, case_call, cases, check, call, type_name


def imported(s, name):
    "What the student's module has under this name: (kind, real name), or None."
    obj = getattr(s, name, None)
    if obj is None:
        return None
    return type_name(obj), getattr(obj, "__name__", None)


# ---- the README's examples ------------------------------------------------------------------

@check(weight=2)
@cases("math", "Counter", "stats", "date")
def the_imports(s, name):
    "your module has the names math, Counter, stats and date from the four imports"
    case_call(f"what the name {name} is in your module")
    return imported(s, name)


@check(weight=1)
@cases(("circle_area", 2), ("top_letters", "Hello, world!", 2), ("middle_value", [5, 1, 4, 2]),
       ("days_between", "2024-12-24", "2025-01-01"))
def example_functions(s, name, *args):
    "circle area, top letters, median and days between dates give the README's results"
    return call(getattr(s, name), *args)


# ---- hidden checks --------------------------------------------------------------------------

@check(weight=2, visible=False)
@cases(case("circle_area", 0, about="a circle of radius 0"),
       case("circle_area", 1, about="a circle of radius 1"),
       case("circle_area", 0.5, about="a radius with decimals"),
       case("circle_area", 10, about="a bigger circle"),
       case("circle_area", 123.4, about="a big radius with decimals"),
       case("middle_value", [7], about="the median of one number"),
       case("middle_value", [1, 2], about="the median of two numbers"),
       case("middle_value", [3, 1, 2], about="the median of an odd number of numbers"),
       case("middle_value", [10, -10, 0, 5, 5, 6], about="the median with negatives and repeats"),
       case("middle_value", [0.5, 0.25], about="the median of floats"))
def circle_and_median_more(s, name, value):
    "circle areas and medians for other values (0, floats, odd and even lengths)"
    return call(getattr(s, name), value)


@check(weight=2, visible=False)
@cases(case("", 3, about="an empty text"),
       case("aaa", 1, about="one letter only"),
       case("AaBb cC", 3, about="capitals count as small letters"),
       case("Zoë zoë ZOË!!", 5, about="letters with accents"),
       case("123 go", 5, about="digits are not letters"),
       case("banana", 10, about="n bigger than the number of different letters"),
       case("the quick brown fox jumps over the lazy dog", 4, about="ties in a long sentence"))
def top_letters_more(s, text, n):
    "counting letters with capitals, accents, ties, digits, and n bigger than the letters"
    return call(s.top_letters, text, n)


@check(weight=2, visible=False)
@cases(case("2024-02-28", "2024-03-01", about="over 29 February in a leap year"),
       case("2023-02-28", "2023-03-01", about="over the end of February in another year"),
       case("2000-01-01", "2000-01-01", about="the same day"),
       case("2025-01-01", "2024-12-24", about="the second date is earlier"),
       case("1969-07-20", "2024-07-20", about="many years"),
       case("2024-01-31", "2024-02-29", about="from the end of one month to the end of the next"))
def days_between_more(s, first, second):
    "days between dates across leap years and months, on the same day, and backwards"
    return call(s.days_between, first, second)
