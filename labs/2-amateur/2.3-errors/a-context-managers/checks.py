from labcheck import check, call


def run_with(cm, body):
    """Run `with cm as x: body(x)` and say what came out of it."""
    try:
        with cm as x:
            body(x)
        return ["finished", x is cm]
    except Exception as e:
        return ["raised", type(e).__name__]


def caught_name(ig):
    c = call(lambda: ig.caught)
    return None if c is None else (c if isinstance(c, dict) else type(c).__name__)


def fail(exc):
    def body(_):
        raise exc
    return body


@check(weight=2)
def example_logged(s):
    "the two Logged examples of the README"
    log = []
    a = call(s.Logged, log, "A")
    r1 = run_with(a, lambda block: log.append("inside"))
    r2 = run_with(call(s.Logged, log, "B"), lambda block: 1 / 0)
    return [r1, r2, log]


@check(weight=2)
def example_ignore(s):
    "the two Ignore examples of the README"
    ig = call(s.Ignore, KeyError, ZeroDivisionError)
    r1 = run_with(ig, lambda x: {}["x"])
    ig2 = call(s.Ignore, KeyError)
    r2 = run_with(ig2, lambda x: int("x"))
    return [r1, caught_name(ig), r2, caught_name(ig2)]


@check(weight=3, visible=False)
def logged_more(s):
    "Logged nested, with other errors, with an empty block; the error is never swallowed"
    log = []

    def nested(_):
        run_with(call(s.Logged, log, "inner"), fail(KeyError("k")))
        log.append("between")
        raise IndexError("i")

    out = [run_with(call(s.Logged, log, "outer"), nested),
           run_with(call(s.Logged, log, "empty"), lambda x: None),
           run_with(call(s.Logged, log, "Zoë"), fail(RuntimeError())),
           run_with(call(s.Logged, log, "v"), lambda x: int("nope"))]
    return [out, log]


@check(weight=3, visible=False)
def ignore_more(s):
    "Ignore: children of the listed types, no error at all, several uses, nothing listed"
    out = []
    cases = [((LookupError,), fail(IndexError())), ((ArithmeticError,), lambda x: 1 % 0),
             ((ValueError,), lambda x: None), ((), fail(ValueError())),
             ((TypeError, ValueError), fail(TypeError())), ((KeyError,), fail(LookupError()))]
    for types, body in cases:
        ig = call(s.Ignore, *types)
        out.append([run_with(ig, body), caught_name(ig)])
    return out


@check(weight=2, visible=False)
def both_together(s):
    "Logged inside Ignore: the log shows the error, and Ignore swallows it afterwards"
    log = []
    ig = call(s.Ignore, ValueError)

    def body(_):
        run_with(call(s.Logged, log, "x"), fail(ValueError()))
        with s.Logged(log, "y"):
            raise ValueError("again")

    return [run_with(ig, body), caught_name(ig), log]
