from labcheck import case, case_call, cases, check, call

# The cases of one check run one after the other in the same process, so a check can decorate
# a function in its first case and go on calling the SAME decorated function in the next
# cases: every case is one step (a call, or a look at the counter) and is scored on its own.

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
    """One case: show `text` as its call, make the decorated functions (key, decorator name,
    function) on first use, and return what action(*decorated) observes."""
    case_call(text)
    fns = [once(key, lambda: call(getattr(s, deco), fn)) for key, deco, fn in made]
    return action(*fns)


# ---- the README's examples ------------------------------------------------------------------

def add(a, b):
    "Add two numbers."
    return a + b


def hello(name):
    return "hello " + name


@check(weight=1)
@cases(("add = count_calls(add); add.calls", lambda f: attr(f, "calls")),
       ("add(2, 3)", lambda f: call(f, 2, 3)),
       ("add(a=1, b=1)", lambda f: call(f, a=1, b=1)),
       ("add.calls", lambda f: attr(f, "calls")),
       ("add.__name__, add.__doc__", lambda f: (attr(f, "__name__"), attr(f, "__doc__"))))
def example_count_calls(s, text, action):
    "count_calls: add still adds, and add.calls counts its calls (the README's example)"
    return step(s, text, action, ("add", "count_calls", add))


@check(weight=1)
@cases(('hello = exclaim(hello); hello("zoë")', lambda f: call(f, "zoë")))
def example_exclaim(s, text, action):
    "exclaim shouts the string in capitals with a ! (the README's example)"
    return step(s, text, action, ("hello", "exclaim", hello))


@check(weight=1)
@cases(('greet("bo")', lambda g: call(g, "bo")),
       ("greet.calls", lambda g: attr(g, "calls")))
def example_greet(s, text, action):
    "greet, decorated with both, shouts and counts (the README's example)"
    case_call(text)
    return action(s.greet)


# ---- hidden checks: the same decorated functions called many times ---------------------------

def power(base, exp=2):
    "Raise base to exp."
    return base ** exp


def join(*parts, sep="-"):
    return sep.join(parts)


def square(n):
    return n * n


THREE = (("p", "count_calls", power), ("j", "count_calls", join), ("sq", "count_calls", square))


@check(weight=3, visible=False)
@cases(case("p(3)", lambda p, j, sq: call(p, 3), about="a default argument"),
       case('j("a", "b")', lambda p, j, sq: call(j, "a", "b"), about="any number of arguments"),
       case("p.calls, j.calls", lambda p, j, sq: (attr(p, "calls"), attr(j, "calls")),
            about="each function has its own counter"),
       case("p(2, exp=10)", lambda p, j, sq: call(p, 2, exp=10), about="a keyword argument"),
       case("p(base=5)", lambda p, j, sq: call(p, base=5), about="only keyword arguments"),
       case("p.calls, j.calls", lambda p, j, sq: (attr(p, "calls"), attr(j, "calls")),
            about="the counters after one of them was called more often"),
       case('j("x", "y", "z", sep="+")', lambda p, j, sq: call(j, "x", "y", "z", sep="+"),
            about="arguments and a keyword together"),
       case("j()", lambda p, j, sq: call(j), about="no arguments at all"),
       case("p.calls, j.calls", lambda p, j, sq: (attr(p, "calls"), attr(j, "calls")),
            about="the counters after calls with and without arguments"),
       case("sq.calls, sq(7), sq.calls",
            lambda p, j, sq: (attr(sq, "calls"), call(sq, 7), attr(sq, "calls")),
            about="a third decorated function, called only now, counts only its own calls"),
       case("p.__name__, j.__name__, p.__doc__, j.__doc__",
            lambda p, j, sq: (attr(p, "__name__"), attr(j, "__name__"), attr(p, "__doc__"),
                              attr(j, "__doc__")),
            about="functools.wraps keeps each function's name and docstring"))
def counters_are_separate(s, text, action):
    "three decorated functions called in turns keep separate counters"
    return step(s, text, action, *THREE)


def invert(x):
    return 1 / x


@check(weight=2, visible=False)
@cases(case("inv(4)", lambda f: call(f, 4), about="a call that works"),
       case("inv(0)", lambda f: call(f, 0), about="the error of the function passes through"),
       case("inv.calls", lambda f: attr(f, "calls"), about="a call that raised counts too"),
       case("inv(0)", lambda f: call(f, 0), about="the error again"),
       case("inv(-2)", lambda f: call(f, -2), about="working again after errors"),
       case("inv.calls", lambda f: attr(f, "calls"), about="every call counts, errors or not"))
def errors_are_counted(s, text, action):
    "errors still come out of a counted function, and calls that raised count too"
    return step(s, text, action, ("inv", "count_calls", invert))


def both(a, b, glue=" "):
    "Glue two words."
    return a + glue + b


def nothing():
    return ""


@check(weight=2, visible=False)
@cases(case('b("ab", "cd")', lambda b, n: call(b, "ab", "cd"), about="two arguments"),
       case('b("x", "y", glue="")', lambda b, n: call(b, "x", "y", glue=""),
            about="a keyword argument passed on"),
       case("n()", lambda b, n: call(n), about="the function returns an empty string"),
       case('b("Åsa", "über")', lambda b, n: call(b, "Åsa", "über"),
            about="letters that are not English"),
       case("n()", lambda b, n: call(n), about="the empty string again, a second time"),
       case('b("a", "b", glue="+")', lambda b, n: call(b, "a", "b", glue="+"),
            about="a third call with other arguments"),
       case("b.__name__, b.__doc__, n.__name__",
            lambda b, n: (attr(b, "__name__"), attr(b, "__doc__"), attr(n, "__name__")),
            about="functools.wraps keeps the name and docstring"))
def exclaim_more(s, text, action):
    "exclaim shouts the result of other functions too, every time they are called"
    return step(s, text, action, ("b", "exclaim", both), ("n", "exclaim", nothing))


@check(weight=2, visible=False)
@cases(case('greet("ann")', lambda g: call(g, "ann")),
       case("greet.calls", lambda g: attr(g, "calls"), about="the counter after one call"),
       case('greet("Åsa")', lambda g: call(g, "Åsa"), about="a name with Å"),
       case('greet("")', lambda g: call(g, ""), about="an empty name"),
       case("greet.calls", lambda g: attr(g, "calls"), about="the counter after more calls"),
       case('greet("mr smith")', lambda g: call(g, "mr smith"), about="a name with a space"),
       case("greet.calls", lambda g: attr(g, "calls"), about="the counter at the end"),
       case("greet.__name__", lambda g: attr(g, "__name__"), about="greet keeps its name"))
def greet_more(s, text, action):
    "greet shouts every name and counts every call"
    case_call(text)
    return action(s.greet)
