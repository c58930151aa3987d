from labcheck import check, call


def state(acc):
    return [call(lambda: acc.owner), call(lambda: acc.balance), call(lambda: list(acc.history))]


@check(weight=2)
def example_readme(s):
    "the example of the README, step by step"
    a = call(s.BankAccount, "Ada", 50)
    steps = [call(lambda: a.deposit(20)), call(lambda: a.withdraw(100))]
    b = call(s.BankAccount, "Bo")
    steps.append(call(lambda: a.transfer(b, 30)))
    return [steps, state(a), state(b)]


@check(weight=2, visible=False)
def deposits_more(s):
    "deposit of 0, negative amounts, floats, many deposits; a new account starts at 0"
    acc = call(s.BankAccount, "Zoë")
    start = state(acc)
    got = [call(lambda: acc.deposit(x)) for x in (0, -5, 10, 2.5, 1000)]
    return [start, got, state(acc)]


@check(weight=3, visible=False)
def withdraw_more(s):
    "withdraw everything, one too much, 0, negative amounts"
    acc = call(s.BankAccount, "Cy", 30)
    got = [call(lambda: acc.withdraw(x)) for x in (31, 0, -10, 10, 20, 1)]
    return [got, state(acc)]


@check(weight=3, visible=False)
def transfer_and_separate_histories(s):
    "transfers both ways, a failed transfer, and every account has its own history"
    a = call(s.BankAccount, "A", 10)
    b = call(s.BankAccount, "B", 5)
    c = call(s.BankAccount, "C")
    got = [call(lambda: a.transfer(b, 10)), call(lambda: a.transfer(b, 1)),
           call(lambda: b.transfer(c, 7)), call(lambda: c.transfer(a, 0)),
           call(lambda: c.transfer(a, 7))]
    return [got, state(a), state(b), state(c)]
