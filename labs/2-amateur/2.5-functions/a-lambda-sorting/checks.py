from labcheck import check, call


def name_of(f):
    return getattr(f, "__name__", None)


@check(weight=1)
def example_operations(s):
    'OPERATIONS["-"](7, 3), and the values of OPERATIONS are lambdas'
    ops = s.OPERATIONS
    return [call(ops["-"], 7, 3), sorted(ops), sorted(name_of(f) for f in ops.values())]


@check(weight=1)
def example_calculate(s):
    'calculate(6, "*", 7)'
    return call(s.calculate, 6, "*", 7)


@check(weight=1)
def example_sort_by_age(s):
    'sort_by_age([("Cy", 15), ("Ada", 14), ("Bo", 14)])'
    return call(s.sort_by_age, [("Cy", 15), ("Ada", 14), ("Bo", 14)])


@check(weight=1)
def example_make_adder(s):
    'add5 = make_adder(5); add5(10), and add5 is a lambda'
    add5 = call(s.make_adder, 5)
    return [call(add5, 10), name_of(add5)]


PAIRS = [(7, 3), (3, 7), (0, 0), (-4, 2), (2.5, 4), (10**20, 3), (-1, -1)]


@check(weight=2, visible=False)
def operations_more(s):
    "every operation with other numbers (negative, zero, floats, huge, equal)"
    return {op: [call(s.OPERATIONS[op], a, b) for a, b in PAIRS] for op in ["+", "-", "*", "max"]}


@check(weight=2, visible=False)
def calculate_more(s):
    "calculate with every operation and unknown operations"
    out = [call(s.calculate, a, op, b) for a, b in PAIRS for op in ["+", "-", "*", "max"]]
    return out + [call(s.calculate, 1, op, 2) for op in ["/", "", "MAX", "plus"]]


@check(weight=2, visible=False)
def sort_by_age_more(s):
    "sort_by_age with empty lists, one person, equal ages and the original list unchanged"
    lists = [[], [("Solo", 1)], [("Zoë", 16), ("Al", 16), ("Ål", 16), ("Bea", 2)],
             [("B", 3), ("A", 3), ("C", 1), ("A", 1)], [(str(i), 100 - i) for i in range(12)]]
    out = []
    for people in lists:
        original = list(people)
        out.append([call(s.sort_by_age, original), original])
    return out


@check(weight=2, visible=False)
def make_adder_more(s):
    "several adders at once (each keeps its own n), negative and float n"
    adders = [call(s.make_adder, n) for n in [0, 1, -3, 2.5, 100]]
    return [[call(f, x) for x in [0, 1, -10, 7]] for f in adders] + [
        sorted({name_of(f) for f in adders})]
