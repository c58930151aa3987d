from labcheck import check, call


def get(obj, attr):
    return getattr(obj, attr, "(missing)")


@check(weight=1)
def example_no_negatives(s):
    'area = no_negatives(area); area(3, height=4) and area(3, height=-4)'
    def area(width, height):
        return width * height
    a = call(s.no_negatives, area)
    return [call(a, 3, height=4), call(a, 3, height=-4), get(a, "__name__")]


@check(weight=1)
def example_safe(s):
    'divide = safe(divide); divide(1, 4) and divide(1, 0)'
    def divide(a, b):
        return a / b
    d = call(s.safe, divide)
    return [call(d, 1, 4), call(d, 1, 0), get(d, "__name__")]


@check(weight=1)
def example_remember(s):
    'power = remember(power); power(3), power(2, exp=5), then power.history'
    def power(base, exp=2):
        return base ** exp
    p = call(s.remember, power)
    return [call(p, 3), call(p, 2, exp=5), get(p, "history")]


@check(weight=3, visible=False)
def no_negatives_more(s):
    "no_negatives with many arguments, keywords, zero, floats, strings, and func not called"
    calls = []

    def total(*numbers, start=0, label="sum"):
        calls.append(numbers)
        return start + sum(numbers)
    t = call(s.no_negatives, total)
    out = [call(t), call(t, 1, 2, 3), call(t, 0, 0.0), call(t, 5, -0.5), call(t, 1, start=-1),
           call(t, 1, label="-5"), call(t, 10, start=10), call(t, -1), call(t, *range(20))]
    return [out, calls, get(t, "__name__")]


@check(weight=2, visible=False)
def safe_more(s):
    "safe with functions that raise different errors, keyword arguments and falsy results"
    def pick(items, index=0):
        return items[index]
    p = call(s.safe, pick)
    out = [call(p, [1, 2], 1), call(p, [], 0), call(p, {"a": 1}, index="b"), call(p, [0]),
           call(p, "abc", index=-1), call(p, None), call(p, [5], index=3)]
    i = call(s.safe, int)
    return [out, [call(i, "42"), call(i, "4x2"), call(i, "ff", 16)], get(p, "__name__")]


@check(weight=3, visible=False)
def remember_more(s):
    "two remembered functions at once, no arguments, many arguments and keywords"
    def join(*words, sep=" ", end=""):
        return sep.join(words) + end

    def zero():
        return 0
    j = call(s.remember, join)
    z = call(s.remember, zero)
    start = [get(j, "history"), get(z, "history")]
    out = [call(j, "a", "b"), call(z), call(j, sep="-"), call(j, "x", "y", "z", end="!", sep=""),
           call(z)]
    return [start, out, get(j, "history"), get(z, "history"), get(j, "__name__")]
