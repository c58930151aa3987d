from labcheck import case, case_call, cases, check, call

# Functions passed to the student's code are written here; the call text of each case says
# in plain Python what is called (a lambda's own repr would show a memory address).

plus1 = lambda n: n + 1          # noqa: E731
times2 = lambda n: n * 2         # noqa: E731

_made = {}


def once(key, make):
    "What make() returns, made in the first case that needs it and kept for the later ones."
    if key not in _made:
        _made[key] = make()
    return _made[key]


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
def example_apply_twice(s):
    "apply_twice calls the function on its own result (the README's example)"
    case_call("apply_twice(lambda n: n + 3, 10)")
    return call(s.apply_twice, lambda n: n + 3, 10)


@check(weight=1)
def example_apply_to_all(s):
    "apply_to_all makes a list of the results (the README's example)"
    case_call('apply_to_all(len, ["hi", "hello", ""])')
    return call(s.apply_to_all, len, ["hi", "hello", ""])


@check(weight=1)
def example_find_first(s):
    "find_first gives the first item that passes the test (the README's example)"
    case_call("find_first(lambda n: n > 10, [4, 12, 7, 30])")
    return call(s.find_first, lambda n: n > 10, [4, 12, 7, 30])


@check(weight=1)
@cases('shout_length = compose(str, len); shout_length("hello")',
       "add_ten = repeat(lambda n: n + 1, 10); add_ten(5), add_ten(100)")
def example_compose_and_repeat(s, text):
    "compose and repeat return new functions (the README's examples)"
    case_call(text)
    if text.startswith("shout"):
        return call(call(s.compose, str, len), "hello")
    add_ten = call(s.repeat, plus1, 10)
    return call(add_ten, 5), call(add_ten, 100)


# ---- hidden checks --------------------------------------------------------------------------

SEEN = []


def spy(x):
    SEEN.append(x)
    return x * 2


@check(weight=2, visible=False)
@cases(case("apply_twice(lambda n: n * n, 3)", lambda n: n * n, 3, about="squaring twice"),
       case('apply_twice(str.upper, "ok")', str.upper, "ok", about="a string method"),
       case('apply_twice(lambda t: t + "!", "hey")', lambda t: t + "!", "hey",
            about="adding to a string twice"),
       case("apply_twice(lambda l: l + [0], [])", lambda l: l + [0], [], about="lists"),
       case("apply_twice(spy, 5), then the values spy was called with", spy, 5,
            about="the function is called exactly twice, each time on the right value"))
def apply_twice_more(s, text, func, x):
    "applying a function twice to numbers, strings and lists"
    case_call(text)
    result = call(s.apply_twice, func, x)
    return (result, list(SEEN)) if func is spy else result


@check(weight=2, visible=False)
@cases(case("apply_to_all(abs, [-1, 2, -3])", abs, [-1, 2, -3]),
       case('apply_to_all(str.title, ["zoë", "ann"])', str.title, ["zoë", "ann"],
            about="a string method on words"),
       case("apply_to_all(len, [])", len, [], about="an empty list"),
       case("apply_to_all(lambda x: x % 2 == 0, range(5))", lambda x: x % 2 == 0, range(5),
            about="items that are a range, not a list"),
       case("items = [1, 2, 3]; apply_to_all(str, items), items", str, "keep",
            about="the list given stays as it was (the result is a new list)"))
def apply_to_all_more(s, text, func, items):
    "a new list of results for other functions and lists"
    case_call(text)
    if items == "keep":
        items = [1, 2, 3]
        return call(s.apply_to_all, func, items), items
    return call(s.apply_to_all, func, items)


@check(weight=2, visible=False)
@cases(case("find_first(lambda n: n > 100, [1, 2, 3])", lambda n: n > 100, [1, 2, 3],
            about="no item passes the test"),
       case("find_first(lambda n: True, [])", lambda n: True, [], about="an empty list"),
       case("find_first(lambda n: n == 0, [5, 0, 0])", lambda n: n == 0, [5, 0, 0],
            about="the item found is 0"),
       case('find_first(str.isupper, ["abc", "ABC", "DEF"])', str.isupper,
            ["abc", "ABC", "DEF"], about="two items pass the test"),
       case('find_first(lambda w: w.startswith("z"), ["apple", "zebra", "zoo"])',
            lambda w: w.startswith("z"), ["apple", "zebra", "zoo"]))
def find_first_more(s, text, test, items):
    "finding the first match when there is none, or several"
    case_call(text)
    return call(s.find_first, test, items)


COMPOSED = {
    "f1": ("compose(lambda n: n + 1, lambda n: n * 2)", plus1, times2, [5, -1, 0]),
    "f2": ("compose(lambda n: n * 2, lambda n: n + 1)", times2, plus1, [5, 0.5, 5]),
    "f3": ("compose(len, str.split)", len, str.split, ["a b c d", "", "one"]),
    "f4": ("compose(str.upper, str.strip)", str.upper, str.strip, ["  hi  ", "ok", " a b "]),
}


@check(weight=2, visible=False)
@cases(case("f1", about="the order of f and g matters (first order)"),
       case("f2", about="the order of f and g matters (other order)"),
       case("f3", about="methods and built-in functions"),
       case("f4", about="two string methods"),
       case("f1", about="the first composed function, called again later"))
def compose_more(s, key):
    "composed functions run g first, then f, every time they are called"
    made = once("all", lambda: {k: call(s.compose, f, g) for k, (_, f, g, _) in COMPOSED.items()})
    text, _, _, values = COMPOSED[key]
    case_call(f"{key} = {text}; " + ", ".join(f"{key}({v!r})" for v in values))
    return tuple(call(made[key], v) for v in values)


REPEATS = {
    "r0": ("repeat(lambda n: n * 2, 0)", times2, 0, [1, 7]),
    "r1": ("repeat(lambda n: n * 2, 1)", times2, 1, [1, 5]),
    "r3": ("repeat(lambda n: n * 2, 3)", times2, 3, [1, 1, 2]),
    "r10": ("repeat(lambda n: n * 2, 10)", times2, 10, [1, 0, -1]),
    "ra": ('repeat(lambda t: t + "a", 4)', lambda t: t + "a", 4, ["b", "", "b"]),
}


@check(weight=3, visible=False)
@cases(case("r0", about="repeating 0 times"),
       case("r1", about="repeating once"),
       case("r3", about="the same function called again with the same value"),
       case("r10", about="repeating many times"),
       case("ra", about="a function on strings"),
       case("r3", about="a repeated function still works after other calls"),
       case("r0", about="repeating 0 times, called again"))
def repeat_more(s, key):
    "repeated functions apply func the right number of times, every time they are called"
    made = once("all", lambda: {k: call(s.repeat, f, n) for k, (_, f, n, _) in REPEATS.items()})
    text, _, _, values = REPEATS[key]
    case_call(f"{key} = {text}; " + ", ".join(f"{key}({v!r})" for v in values))
    return tuple(call(made[key], v) for v in values)
