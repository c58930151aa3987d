from labcheck import check, call, type_name


def imported(s, name):
    "What the student's module has under this name: [kind, real name] or None."
    obj = getattr(s, name, None)
    if obj is None:
        return None
    return [type_name(obj), getattr(obj, "__name__", None)]


@check(weight=2)
def the_imports(s):
    "your module has the names math, Counter, stats and date from the four imports"
    return {n: imported(s, n) for n in ["math", "Counter", "stats", "date"]}


@check(weight=1)
def example_functions(s):
    'circle_area(2), top_letters("Hello, world!", 2), middle_value([5, 1, 4, 2])'
    return [call(s.circle_area, 2), call(s.top_letters, "Hello, world!", 2),
            call(s.middle_value, [5, 1, 4, 2])]


@check(weight=1)
def example_days_between(s):
    'days_between("2024-12-24", "2025-01-01")'
    return call(s.days_between, "2024-12-24", "2025-01-01")


@check(weight=2, visible=False)
def circle_and_median_more(s):
    "circle_area and middle_value with other values (0, floats, odd and even lengths)"
    return [[call(s.circle_area, r) for r in [0, 1, 0.5, 10, 123.4]],
            [call(s.middle_value, x) for x in [[7], [1, 2], [3, 1, 2], [10, -10, 0, 5, 5, 6],
                                               [0.5, 0.25]]]]


@check(weight=2, visible=False)
def top_letters_more(s):
    "top_letters with capitals, accents, ties, digits and n bigger than the number of letters"
    cases = [("", 3), ("aaa", 1), ("AaBb cC", 3), ("Zoë zoë ZOË!!", 5), ("123 go", 5),
             ("banana", 10), ("the quick brown fox jumps over the lazy dog", 4)]
    return [call(s.top_letters, t, n) for t, n in cases]


@check(weight=2, visible=False)
def days_between_more(s):
    "days_between across leap years and months, the same day, and backwards"
    cases = [("2024-02-28", "2024-03-01"), ("2023-02-28", "2023-03-01"), ("2000-01-01", "2000-01-01"),
             ("2025-01-01", "2024-12-24"), ("1969-07-20", "2024-07-20"), ("2024-01-31", "2024-02-29")]
    return [call(s.days_between, a, b) for a, b in cases]
