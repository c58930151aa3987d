from labcheck import check, cases, case, case_call, call


def run_with(cm, body):
    """Run `with cm as x: body(x)` and say what came out of it: whether `x` was the object
    itself, and which exception (if any) came out of the `with` statement."""
    seen = {}
    try:
        with cm as x:
            seen["as gives self"] = x is cm
            body(x)
        seen["error after the with"] = None
    except Exception as e:
        seen["error after the with"] = type(e).__name__
    return seen


def caught_info(ig, raised=None):
    """The type name of what Ignore remembered in `caught` (None if nothing), and, when we know
    the exception the block raised, whether `caught` is that very object."""
    c = call(lambda: ig.caught)
    if c is None or isinstance(c, dict):
        name = c
    else:
        name = type(c).__name__
    return [name, None if raised is None else c is raised]


def fail(exc):
    def body(_):
        raise exc
    return body


# Visible checks: the examples of README.md.


@check(weight=2)
@cases(case("inside", about="a block without an error"),
       case("1 / 0", about="a block that divides by zero"))
def example_logged(s, body):
    "Logged writes what happens into the log and never swallows the error"
    log = []
    name = "A" if body == "inside" else "B"
    case_call(f'log = []; with Logged(log, "{name}") as block: '
              + ('log.append("inside")' if body == "inside" else "1 / 0") + "; log")
    cm = call(s.Logged, log, name)
    if body == "inside":
        r = run_with(cm, lambda block: log.append("inside"))
    else:
        r = run_with(cm, lambda block: 1 / 0)
    r["log"] = log
    return r


@check(weight=2)
@cases(case("KeyError", about="an error that is in the list"),
       case("ValueError", about="an error that is not in the list"))
def example_ignore(s, what):
    "Ignore swallows the listed errors, remembers the one it caught and lets the others through"
    if what == "KeyError":
        case_call('with Ignore(KeyError, ZeroDivisionError) as ig: {}["x"]; '
                  "type(ig.caught).__name__")
        ig = call(s.Ignore, KeyError, ZeroDivisionError)
        r = run_with(ig, lambda x: {}["x"])
    else:
        case_call('with Ignore(KeyError) as ig: int("x"); ig.caught')
        ig = call(s.Ignore, KeyError)
        r = run_with(ig, lambda x: int("x"))
    r["type of caught"] = caught_info(ig)[0]
    return r


# Hidden checks: more situations, objects used more than once.


def logged_nested(s, log):
    def nested(_):
        log.append(run_with(call(s.Logged, log, "inner"), fail(KeyError("k"))))
        log.append("between")
        raise IndexError("i")
    return [run_with(call(s.Logged, log, "outer"), nested)]


def logged_empty(s, log):
    return [run_with(call(s.Logged, log, "empty"), lambda x: None)]


def logged_accents(s, log):
    return [run_with(call(s.Logged, log, "Zoë"), fail(RuntimeError()))]


def logged_value_error(s, log):
    return [run_with(call(s.Logged, log, "v"), lambda x: int("nope"))]


def logged_twice(s, log):
    cm = call(s.Logged, log, "again")
    return [run_with(cm, lambda x: log.append("first time")),
            run_with(cm, fail(KeyError("second time"))),
            run_with(cm, lambda x: None)]


def logged_many(s, log):
    out = []
    for i in range(4):
        out.append(run_with(call(s.Logged, log, f"n{i}"),
                            fail(TypeError()) if i % 2 else (lambda x: None)))
    return out


@check(weight=3, visible=False)
@cases(case(logged_nested, about="one Logged inside another, both with errors"),
       case(logged_empty, about="a block that does nothing"),
       case(logged_accents, about="a name with an accent and an error without a message"),
       case(logged_value_error, about="a ValueError in the block"),
       case(logged_twice, about="the same Logged object used in three with blocks"),
       case(logged_many, about="several Logged one after the other, with and without errors"))
def logged_more(s, scenario):
    "Logged in other situations: the log is right and the error always comes out"
    log = []
    return [scenario(s, log), log]


@check(weight=3, visible=False)
@cases(case((LookupError,), IndexError(), about="the error is a child of the listed type"),
       case((ArithmeticError,), ZeroDivisionError("modulo"), about="a child of ArithmeticError"),
       case((ValueError,), None, about="a block without any error"),
       case((), ValueError(), about="Ignore() with no types listed at all"),
       case((TypeError, ValueError), TypeError(), about="two types listed, the first one happens"),
       case((TypeError, ValueError), ValueError(), about="two types listed, the second one happens"),
       case((KeyError,), LookupError(), about="the error is the parent of the listed type"),
       case((OSError,), FileNotFoundError("x.txt"), about="a file error"),
       case((KeyError,), RuntimeError(), about="an error that has nothing to do with the list"))
def ignore_more(s, types, exc):
    "Ignore with other lists of errors: children are swallowed, everything else goes through"
    ig = call(s.Ignore, *types)
    r = run_with(ig, (lambda x: None) if exc is None else fail(exc))
    return [r, caught_info(ig, exc)]


@check(weight=2, visible=False)
@cases(case("once", about="each Ignore object used once"),
       case("twice", about="the same Ignore object used for two errors"))
def ignore_used_again(s, how):
    "Ignore objects can be used in more than one with block"
    out = []
    a = call(s.Ignore, KeyError)
    b = call(s.Ignore, ZeroDivisionError) if how == "once" else a
    e1, e2 = KeyError("first"), KeyError("second")
    out.append([run_with(a, fail(e1)), caught_info(a, e1)])
    out.append([run_with(b, fail(e2)), caught_info(b, e2)])
    out.append([run_with(b, lambda x: 1 / 0)])
    return out


@check(weight=2, visible=False)
def both_together(s):
    "Logged inside Ignore: the log shows the error, and Ignore swallows it afterwards"
    log = []
    ig = call(s.Ignore, ValueError)
    again = ValueError("again")

    def body(_):
        log.append(run_with(call(s.Logged, log, "x"), fail(ValueError())))
        run_with_logged_y = call(s.Logged, log, "y")
        with run_with_logged_y:
            raise again

    return [run_with(ig, body), caught_info(ig, again), log]
