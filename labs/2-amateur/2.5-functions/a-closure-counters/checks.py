from labcheck import check, call, type_name


def two_functions(bank):
    "(deposit, shake) from what make_piggy_bank returned; (None, None) if it is not a pair."
    try:
        deposit, shake = bank
    except Exception:
        return None, None
    return deposit, shake


@check(weight=1)
def example_counter(s):
    'c = make_counter(); c(), c(), c(); by5 = make_counter(100, 5); by5(), by5()'
    c = call(s.make_counter)
    by5 = call(s.make_counter, 100, 5)
    return [[call(c), call(c), call(c)], [call(by5), call(by5)], type_name(c)]


@check(weight=1)
def example_accumulator(s):
    'add = make_accumulator(); add(10), add(5), add(-3)'
    add = call(s.make_accumulator)
    return [call(add, 10), call(add, 5), call(add, -3)]


@check(weight=1)
def example_limiter(s):
    'ticket = make_limiter(2); ticket() three times'
    t = call(s.make_limiter, 2)
    return [call(t), call(t), call(t)]


@check(weight=1)
def example_piggy_bank(s):
    'deposit, shake = make_piggy_bank(); deposit(2), deposit(3), shake()'
    bank = call(s.make_piggy_bank)
    deposit, shake = two_functions(bank)
    return [call(deposit, 2), call(deposit, 3), call(shake), type_name(bank)]


@check(weight=3, visible=False)
def counters_are_independent(s):
    "three counters used in turns (each keeps its own count), negative and zero steps"
    a = call(s.make_counter)
    b = call(s.make_counter, 10, -2)
    c = call(s.make_counter, step=0, start=7)
    out = []
    for _ in range(4):
        out.append([call(a), call(b), call(c)])
    d = call(s.make_counter, 0)
    out.append([call(d), call(a)])
    return out


@check(weight=2, visible=False)
def accumulators_are_independent(s):
    "two accumulators used in turns, floats and zero"
    x = call(s.make_accumulator)
    y = call(s.make_accumulator)
    return [call(x, 1), call(y, 100), call(x, 2.5), call(y, 0), call(x, -3.5), call(y, -1),
            call(call(s.make_accumulator), 0)]


@check(weight=2, visible=False)
def limiter_more(s):
    "limiters with 0, 1 and 5 uses, used in turns"
    zero = call(s.make_limiter, 0)
    one = call(s.make_limiter, 1)
    five = call(s.make_limiter, 5)
    return [[call(zero), call(one), call(five)] for _ in range(7)]


@check(weight=2, visible=False)
def piggy_banks_more(s):
    "two piggy banks at once, shaking before any deposit and after many"
    d1, s1 = two_functions(call(s.make_piggy_bank))
    d2, s2 = two_functions(call(s.make_piggy_bank))
    out = [call(s1), call(s2), call(d1, 10), call(s2), call(d2, 1), call(d2, 1), call(d1, 0),
           call(s1), call(s2)]
    for coin in [1, 2, 5, 10, 20, 50]:
        call(d1, coin)
    out.append(call(s1))
    out.append(call(s1))
    return out
