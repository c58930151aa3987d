from labcheck import case, case_call, cases, check, call

# The cases of one check run one after the other in the same process: a check decorates a
# function in its first case and keeps calling the SAME decorated function in the next cases.
# Each row is (call text shown to students, what to do with the decorated function(s)).

_made = {}


def once(key, make):
    "What make() returns, made in the first case that needs it and kept for the later ones."
    if key not in _made:
        _made[key] = make()
    return _made[key]


def attr(obj, name):
    "obj.name; if it is missing, the observation is {'$raised': 'AttributeError'}."
    return call(getattr, obj, name)


def step(s, text, action, *made):
    """One case: show `text` as its call, decorate the functions (key, decorator name, function)
    on first use, and return what action(*decorated) observes."""
    case_call(text)
    return action(*[once(key, lambda: call(getattr(s, deco), fn)) for key, deco, fn in made])


# ---- the README's examples ------------------------------------------------------------------

def area(width, height):
    return width * height


def divide(a, b):
    return a / b


def power(base, exp=2):
    return base ** exp


@check(weight=1)
@cases(("area = no_negatives(area); area(3, height=4)", lambda f: call(f, 3, height=4)),
       ("area(3, height=-4)", lambda f: call(f, 3, height=-4)),
       ("area.__name__", lambda f: attr(f, "__name__")))
def example_no_negatives(s, text, action):
    "no_negatives stops negative arguments with a ValueError (the README's example)"
    return step(s, text, action, ("area", "no_negatives", area))


@check(weight=1)
@cases(("divide = safe(divide); divide(1, 4)", lambda f: call(f, 1, 4)),
       ("divide(1, 0)", lambda f: call(f, 1, 0)),
       ("divide.__name__", lambda f: attr(f, "__name__")))
def example_safe(s, text, action):
    "safe turns an error into None (the README's example)"
    return step(s, text, action, ("divide", "safe", divide))


@check(weight=1)
@cases(("power = remember(power); power(3)", lambda f: call(f, 3)),
       ("power(2, exp=5)", lambda f: call(f, 2, exp=5)),
       ("power.history", lambda f: attr(f, "history")))
def example_remember(s, text, action):
    "remember keeps a history of every call (the README's example)"
    return step(s, text, action, ("power", "remember", power))


# ---- hidden checks: the same decorated functions called many times ---------------------------

CALLED = []


def total(*numbers, start=0, label="sum"):
    CALLED.append(numbers)
    return start + sum(numbers)


def guarded(*args, **kwargs):
    "A case of no_negatives_more: what t(...) gives, and the arguments total was called with."
    def action(t):
        before = len(CALLED)
        return call(t, *args, **kwargs), CALLED[before:]
    return action


@check(weight=3, visible=False)
@cases(case("t()", guarded(), about="no arguments at all"),
       case("t(1, 2, 3)", guarded(1, 2, 3), about="positive numbers"),
       case("t(0, 0.0)", guarded(0, 0.0), about="zero is not negative"),
       case("t(5, -0.5)", guarded(5, -0.5),
            about="a negative float: ValueError, and the function is not called"),
       case("t(1, start=-1)", guarded(1, start=-1), about="a negative keyword argument"),
       case('t(1, label="-5")', guarded(1, label="-5"), about="a string is never negative"),
       case("t(10, start=10)", guarded(10, start=10), about="a positive keyword argument"),
       case("t(-1)", guarded(-1), about="a negative whole number"),
       case("t(0, 1, ..., 19)", guarded(*range(20)), about="many arguments"),
       case("t.__name__", lambda t: attr(t, "__name__"), about="the name is kept"))
def no_negatives_more(s, text, action):
    "negative numbers are stopped wherever they are; zero, floats and strings are fine"
    return step(s, text, action, ("t", "no_negatives", total))


def pick(items, index=0):
    return items[index]


PICKS = (("p", "safe", pick), ("i", "safe", int))


@check(weight=2, visible=False)
@cases(case("p([1, 2], 1)", lambda p, i: call(p, [1, 2], 1), about="no error"),
       case("p([], 0)", lambda p, i: call(p, [], 0), about="an IndexError"),
       case('p({"a": 1}, index="b")', lambda p, i: call(p, {"a": 1}, index="b"),
            about="a KeyError, with a keyword argument"),
       case("p([0])", lambda p, i: call(p, [0]), about="a result that looks false is kept"),
       case('p("abc", index=-1)', lambda p, i: call(p, "abc", index=-1),
            about="a keyword argument, no error"),
       case("p(None)", lambda p, i: call(p, None), about="a TypeError"),
       case("p([5], index=3)", lambda p, i: call(p, [5], index=3), about="an IndexError again"),
       case('i = safe(int); i("42")', lambda p, i: call(i, "42"), about="a built-in function"),
       case('i("4x2")', lambda p, i: call(i, "4x2"), about="a ValueError of a built-in function"),
       case('i("ff", 16)', lambda p, i: call(i, "ff", 16), about="two arguments passed on"),
       case("p.__name__", lambda p, i: attr(p, "__name__"), about="the name is kept"))
def safe_more(s, text, action):
    "every kind of error becomes None; normal results, even 0, come through"
    return step(s, text, action, *PICKS)


def join(*words, sep=" ", end=""):
    return sep.join(words) + end


def zero():
    return 0


REMEMBERED = (("j", "remember", join), ("z", "remember", zero))


@check(weight=3, visible=False)
@cases(case("j.history, z.history", lambda j, z: (attr(j, "history"), attr(z, "history")),
            about="the histories before any call"),
       case('j("a", "b")', lambda j, z: call(j, "a", "b"), about="a first call"),
       case("z()", lambda j, z: call(z), about="a function without arguments"),
       case("j.history", lambda j, z: attr(j, "history"), about="the history after one call"),
       case('j(sep="-")', lambda j, z: call(j, sep="-"), about="only a keyword argument"),
       case('j("x", "y", "z", end="!", sep="")',
            lambda j, z: call(j, "x", "y", "z", end="!", sep=""),
            about="many arguments and keywords"),
       case("z()", lambda j, z: call(z), about="the function without arguments again"),
       case("z.history", lambda j, z: attr(z, "history"),
            about="each function has its own history"),
       case("j.history", lambda j, z: attr(j, "history"), about="the history after many calls"),
       case("j.__name__", lambda j, z: attr(j, "__name__"), about="the name is kept"))
def remember_more(s, text, action):
    "each remembered function keeps its own history of every call"
    return step(s, text, action, *REMEMBERED)
