from labcheck import check, call


@check(weight=1)
def example_apply_twice(s):
    'apply_twice(lambda n: n + 3, 10)'
    return call(s.apply_twice, lambda n: n + 3, 10)


@check(weight=1)
def example_apply_to_all(s):
    'apply_to_all(len, ["hi", "hello", ""])'
    return call(s.apply_to_all, len, ["hi", "hello", ""])


@check(weight=1)
def example_find_first(s):
    'find_first(lambda n: n > 10, [4, 12, 7, 30])'
    return call(s.find_first, lambda n: n > 10, [4, 12, 7, 30])


@check(weight=1)
def example_compose_and_repeat(s):
    'compose(str, len)("hello") and repeat(lambda n: n + 1, 10)(5)'
    f = call(s.compose, str, len)
    g = call(s.repeat, lambda n: n + 1, 10)
    return [call(f, "hello"), call(g, 5)]


@check(weight=2, visible=False)
def apply_twice_more(s):
    "apply_twice with other functions (doubling, strings, lists, a function that counts its calls)"
    seen = []

    def spy(x):
        seen.append(x)
        return x * 2
    out = [call(s.apply_twice, lambda n: n * n, 3), call(s.apply_twice, str.upper, "ok"),
           call(s.apply_twice, lambda t: t + "!", "hey"), call(s.apply_twice, lambda l: l + [0], []),
           call(s.apply_twice, spy, 5)]
    return [out, seen]


@check(weight=2, visible=False)
def apply_to_all_and_find_first_more(s):
    "apply_to_all and find_first with empty lists, no match, falsy items and strings"
    a = [call(s.apply_to_all, abs, [-1, 2, -3]), call(s.apply_to_all, str.title, ["zoë", "ann"]),
         call(s.apply_to_all, len, []), call(s.apply_to_all, lambda x: x % 2 == 0, range(5))]
    b = [call(s.find_first, lambda n: n > 100, [1, 2, 3]), call(s.find_first, lambda n: True, []),
         call(s.find_first, lambda n: n == 0, [5, 0, 0]),
         call(s.find_first, str.isupper, ["abc", "ABC", "DEF"]),
         call(s.find_first, lambda w: w.startswith("z"), ["apple", "zebra", "zoo"])]
    return [a, b]


@check(weight=3, visible=False)
def compose_and_repeat_more(s):
    "compose in both orders, repeat 0 and 1 times, and many functions made at once"
    plus1 = lambda n: n + 1          # noqa: E731
    times2 = lambda n: n * 2         # noqa: E731
    fs = [call(s.compose, plus1, times2), call(s.compose, times2, plus1),
          call(s.compose, len, str.split), call(s.compose, str.upper, str.strip)]
    comp = [call(fs[0], 5), call(fs[1], 5), call(fs[2], "a b c d"), call(fs[3], "  hi  ")]
    rs = [call(s.repeat, times2, n) for n in [0, 1, 3, 10]]
    rep = [call(r, 1) for r in rs] + [call(call(s.repeat, lambda t: t + "a", 4), "b")]
    return [comp, rep]
