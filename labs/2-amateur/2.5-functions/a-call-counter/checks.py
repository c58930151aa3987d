from labcheck import check, call


def get(obj, attr):
    return getattr(obj, attr, "(missing)")


@check(weight=1)
def example_count_calls(s):
    'add = count_calls(add); add.calls, add(2, 3), add(a=1, b=1), add.calls, __name__, __doc__'
    def add(a, b):
        "Add two numbers."
        return a + b
    add = call(s.count_calls, add)
    before = get(add, "calls")
    results = [call(add, 2, 3), call(add, a=1, b=1)]
    return [before, results, get(add, "calls"), get(add, "__name__"), get(add, "__doc__")]


@check(weight=1)
def example_exclaim(s):
    'hello = exclaim(hello); hello("zoë")'
    def hello(name):
        return "hello " + name
    return call(call(s.exclaim, hello), "zoë")


@check(weight=1)
def example_greet(s):
    'greet("bo"), then greet.calls'
    return [call(s.greet, "bo"), get(s.greet, "calls")]


@check(weight=3, visible=False)
def counters_are_separate(s):
    "two decorated functions called in turns, with keyword and default arguments"
    def power(base, exp=2):
        "Raise base to exp."
        return base ** exp

    def join(*parts, sep="-"):
        return sep.join(parts)
    p = call(s.count_calls, power)
    j = call(s.count_calls, join)
    out = [call(p, 3), call(j, "a", "b"), call(p, 2, exp=10), call(p, base=5),
           call(j, "x", "y", "z", sep="+"), call(j)]
    return [out, get(p, "calls"), get(j, "calls"), get(p, "__name__"), get(j, "__name__"),
            get(p, "__doc__"), get(j, "__doc__")]


@check(weight=2, visible=False)
def errors_are_counted(s):
    "a decorated function that raises sometimes: the error passes through, every call counts"
    def invert(x):
        return 1 / x
    inv = call(s.count_calls, invert)
    out = [call(inv, 4), call(inv, 0), call(inv, 0), call(inv, -2)]
    return [out, get(inv, "calls")]


@check(weight=2, visible=False)
def exclaim_more(s):
    "exclaim on other functions (several arguments, keywords, empty string), keeping the name"
    def both(a, b, glue=" "):
        "Glue two words."
        return a + glue + b
    def nothing():
        return ""
    b = call(s.exclaim, both)
    n = call(s.exclaim, nothing)
    return [call(b, "ab", "cd"), call(b, "x", "y", glue=""), call(n), get(b, "__name__"),
            get(b, "__doc__"), get(n, "__name__")]


@check(weight=2, visible=False)
def greet_more(s):
    "greet many times with other names, then greet.calls and greet.__name__"
    out = [call(s.greet, n) for n in ["ann", "Åsa", "", "mr smith"]]
    return [out, get(s.greet, "calls"), get(s.greet, "__name__")]
