from labcheck import case, case_call, cases, check, call, type_name

# The cases of one check run one after the other in the same process: a check makes its
# closures in the first case and keeps calling the SAME closures in the next cases, so every
# case shows what the closures remember at that moment.

_made = {}


def once(key, make):
    "What make() returns, made in the first case that needs it and kept for the later ones."
    if key not in _made:
        _made[key] = make()
    return _made[key]


def two_functions(bank):
    "(deposit, shake) from what make_piggy_bank returned; (bank, bank) if it is not a pair."
    try:
        deposit, shake = bank
    except Exception:
        return bank, bank
    return deposit, shake


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
@cases(("c = make_counter(); c(), c(), c()", ()),
       ("by5 = make_counter(100, 5); by5(), by5()", (100, 5)))
def example_counter(s, text, args):
    "make_counter gives counters that count up by their step (the README's example)"
    case_call(text)
    c = call(s.make_counter, *args)
    return tuple(call(c) for _ in range(3 if not args else 2))


@check(weight=1)
def example_accumulator(s):
    "make_accumulator gives a running total (the README's example)"
    case_call("add = make_accumulator(); add(10), add(5), add(-3)")
    add = call(s.make_accumulator)
    return call(add, 10), call(add, 5), call(add, -3)


@check(weight=1)
def example_limiter(s):
    "make_limiter(2) says yes twice, then no (the README's example)"
    case_call("ticket = make_limiter(2); ticket(), ticket(), ticket()")
    ticket = call(s.make_limiter, 2)
    return call(ticket), call(ticket), call(ticket)


@check(weight=1)
@cases("deposit, shake = make_piggy_bank(); deposit(2), deposit(3), shake()",
       "type(make_piggy_bank()).__name__")
def example_piggy_bank(s, text):
    "make_piggy_bank returns two functions that share the money (the README's example)"
    case_call(text)
    bank = call(s.make_piggy_bank)
    if text.startswith("type"):
        return type_name(bank)
    deposit, shake = two_functions(bank)
    return call(deposit, 2), call(deposit, 3), call(shake)


# ---- hidden checks: the same closures called again and again ---------------------------------

def three_counters(s):
    return (call(s.make_counter), call(s.make_counter, 10, -2),
            call(s.make_counter, step=0, start=7))


@check(weight=3, visible=False)
@cases(case(1, about="three counters (no arguments, a negative step, step 0 by keyword)"),
       case(2, about="the three counters called a second time"),
       case(3, about="the three counters called a third time"),
       case(4, about="the three counters called a fourth time"),
       case("new", about="a counter made later does not disturb the first one"),
       case("type", about="make_counter returns a function"))
def counters_are_independent(s, turn):
    "three counters used in turns, each keeping its own count"
    a, b, c = once("abc", lambda: three_counters(s))
    if turn == "type":
        case_call("type(a).__name__")
        return type_name(a)
    if turn == "new":
        case_call("d = make_counter(0); d(), a()")
        d = call(s.make_counter, 0)
        return call(d), call(a)
    case_call(f"a(), b(), c()  (turn {turn})")
    return call(a), call(b), call(c)


ACCUMULATE = [case("x", 1, about="the first accumulator, first amount"),
              case("y", 100, about="the second accumulator starts at 0 too"),
              case("x", 2.5, about="a float amount"),
              case("y", 0, about="adding nothing"),
              case("x", -3.5, about="a negative amount"),
              case("y", -1, about="the second accumulator again"),
              case("x", 10, about="the first accumulator after many amounts")]


@check(weight=2, visible=False)
@cases(*ACCUMULATE, case("z", 0, about="a new accumulator made at the end, called twice"))
def accumulators_are_independent(s, which, amount):
    "two accumulators used in turns with integers, floats and zero"
    x, y = once("xy", lambda: (call(s.make_accumulator), call(s.make_accumulator)))
    if which == "z":
        case_call("z = make_accumulator(); z(0), z(7)")
        z = call(s.make_accumulator)
        return call(z, 0), call(z, 7)
    case_call(f"{which}({amount})")
    return call(x if which == "x" else y, amount)


@check(weight=2, visible=False)
@cases(*[case(n, about=f"limiters for 0, 1 and 5 uses, all asked for the {n}{th} time")
         for n, th in [(1, "st"), (2, "nd"), (3, "rd"), (4, "th"), (5, "th"), (6, "th"),
                       (7, "th")]])
def limiter_more(s, n):
    "limiters with 0, 1 and 5 uses, asked in turns"
    zero, one, five = once("limits", lambda: tuple(call(s.make_limiter, k) for k in (0, 1, 5)))
    case_call(f"zero(), one(), five()  (turn {n})")
    return call(zero), call(one), call(five)


PIGGY = [
    case("s1()", lambda d1, s1, d2, s2: call(s1), about="shaking before any deposit"),
    case("s2()", lambda d1, s1, d2, s2: call(s2), about="the second bank before any deposit"),
    case("d1(10)", lambda d1, s1, d2, s2: call(d1, 10), about="a first deposit"),
    case("s2()", lambda d1, s1, d2, s2: call(s2),
         about="the second bank after a deposit into the first one"),
    case("d2(1), d2(1)", lambda d1, s1, d2, s2: (call(d2, 1), call(d2, 1)),
         about="two deposits into the second bank"),
    case("d1(0)", lambda d1, s1, d2, s2: call(d1, 0), about="a deposit of nothing"),
    case("s1(), s2()", lambda d1, s1, d2, s2: (call(s1), call(s2)),
         about="both banks after some deposits"),
    case("d1(1), d1(2), d1(5), d1(10), d1(20), d1(50)",
         lambda d1, s1, d2, s2: tuple(call(d1, c) for c in [1, 2, 5, 10, 20, 50]),
         about="many deposits in a row"),
    case("s1(), s1()", lambda d1, s1, d2, s2: (call(s1), call(s1)),
         about="shaking twice does not change the money"),
]


@check(weight=2, visible=False)
@cases(*PIGGY)
def piggy_banks_more(s, text, action):
    "two piggy banks at once, shaking before any deposit and after many"
    banks = once("banks", lambda: two_functions(call(s.make_piggy_bank))
                 + two_functions(call(s.make_piggy_bank)))
    case_call(text)
    return action(*banks)
