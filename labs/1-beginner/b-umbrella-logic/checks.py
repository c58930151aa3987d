import ast

from labcheck import call, case, case_call, cases, check, source_text

# True and False are never equal to 1, 0 or to the texts "True"/"False", so the checks do not
# need to look at the type of the answers separately.

BOTH = [(False, False), (False, True), (True, False), (True, True)]
OPERATORS = {"and": ast.And, "or": ast.Or, "not": ast.Not}


def _both_rows(first, second):
    return [case(a, b, about=f"{first} is {a}, {second} is {b}") for a, b in BOTH]


def _uses(word):
    try:
        tree = ast.parse(source_text())
    except (SyntaxError, ValueError):
        return False
    op = OPERATORS[word]
    return any(isinstance(getattr(n, "op", None), op) for n in ast.walk(tree)
               if isinstance(n, (ast.BoolOp, ast.UnaryOp)))


@check(weight=1)
@cases(("need_umbrella", False, True), ("can_play_outside", True, True), ("exactly_one", True, True),
       ("is_teen", 13), ("free_entry", 30, False))
def example_answers(s, function, *args):
    "The five examples of the README give True or False as shown there"
    return call(getattr(s, function), *args)


@check(weight=1)
@cases(*OPERATORS)
def uses_and_or_not(word):
    "Your file combines conditions with and, or and not (each at least once)"
    case_call(f"{word} in your file")
    return _uses(word)


@check(weight=2, visible=False)
@cases(*_both_rows("raining", "snowing"))
def need_umbrella_all(s, raining, snowing):
    "need_umbrella is True when it rains or snows (every combination of True and False)"
    return call(s.need_umbrella, raining, snowing)


@check(weight=2, visible=False)
@cases(*_both_rows("raining", "homework_done"))
def can_play_outside_all(s, raining, homework_done):
    "can_play_outside is True only without rain and with homework done (every combination)"
    return call(s.can_play_outside, raining, homework_done)


@check(weight=2, visible=False)
@cases(*_both_rows("a", "b"))
def exactly_one_all(s, a, b):
    "exactly_one is True when one of the two is True, but not both (every combination)"
    return call(s.exactly_one, a, b)


@check(weight=2, visible=False)
@cases(*[case(age, about=f"age {age}") for age in range(0, 26)])
def is_teen_boundaries(s, age):
    "is_teen is True from 13 to 19 (checked for every age from 0 to 25)"
    return call(s.is_teen, age)


@check(weight=2, visible=False)
@cases(*[case(age, member, about=f"age {age}, {'a member' if member else 'not a member'}")
         for member in (False, True) for age in (0, 5, 6, 7, 30, 64, 65, 66, 100)])
def free_entry_boundaries(s, age, member):
    "free_entry is True below 6, from 65 and for members (checked at the age boundaries)"
    return call(s.free_entry, age, member)
