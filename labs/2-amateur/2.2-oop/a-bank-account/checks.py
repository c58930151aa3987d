from labcheck import case, case_call, cases, check, call


def attr(obj, name):
    try:
        value = getattr(obj, name)
        return list(value) if name == "history" else value
    except Exception as e:
        return {"$raised": type(e).__name__}


def state(acc):
    return [attr(acc, "owner"), attr(acc, "balance"), attr(acc, "history")]


def play(s, accounts, steps, observe):
    """Create the accounts, run the steps, and observe [what each step returned, the state of
    the accounts named in `observe`].

    accounts: {"a": ("Ada", 50)} (or ("Bo",) for the default balance);
    steps: ("a", "deposit", 20) or ("a", "transfer", "b", 30)."""
    made = {}
    text = []
    for var, args in accounts.items():
        made[var] = call(s.BankAccount, *args)
        text.append(f"{var} = BankAccount({', '.join(map(repr, args))})")
    got = []
    for var, method, *args in steps:
        real = [made[a] if isinstance(a, str) else a for a in args]
        got.append(call(lambda: getattr(made[var], method)(*real)))
        text.append(f"{var}.{method}({', '.join(map(str, args))})")
    text += [f"{v}.owner, {v}.balance, {v}.history" for v in observe]
    case_call("; ".join(text))
    return [got, [state(made[v]) for v in observe]]


ADA_BO = {"a": ("Ada", 50), "b": ("Bo",)}
README = [("a", "deposit", 20), ("a", "withdraw", 100), ("a", "transfer", "b", 30)]


# ---- visible check: the example of README.md, line by line --------------------------------------


@check(weight=2)
@cases(1, 2, 3, "balances", "a.history", "b.history")
def example_readme(s, upto):
    "the example of the README, step by step"
    made = {"a": call(s.BankAccount, "Ada", 50), "b": call(s.BankAccount, "Bo")}
    if isinstance(upto, int):
        got = None
        for var, method, *args in README[:upto]:
            real = [made[a] if isinstance(a, str) else a for a in args]
            got = call(lambda: getattr(made[var], method)(*real))
        case_call(f"{README[upto - 1][0]}.{README[upto - 1][1]}"
                  f"({', '.join(map(str, README[upto - 1][2:]))})")
        return got
    for var, method, *args in README:
        real = [made[a] if isinstance(a, str) else a for a in args]
        call(lambda: getattr(made[var], method)(*real))
    if upto == "balances":
        case_call("a.balance, b.balance")
        return (attr(made["a"], "balance"), attr(made["b"], "balance"))
    case_call(upto)
    return attr(made[upto[0]], "history")


# ---- hidden checks -----------------------------------------------------------------------------


@check(weight=2, visible=False)
@cases(case({"z": ("Zoë",)}, [], about="a new account without a balance given"),
       case({"z": ("Zoë",)}, [("z", "deposit", 0)], about="a deposit of 0"),
       case({"z": ("Zoë", 5)}, [("z", "deposit", -5)], about="a negative deposit"),
       case({"z": ("Zoë",)}, [("z", "deposit", 2.5)], about="a decimal amount"),
       case({"z": ("Zoë",)}, [("z", "deposit", x) for x in (10, 0, -5, 2.5, 1000)],
            about="many deposits one after the other"),
       ({"z": ("Li", 7)}, [("z", "deposit", 3), ("z", "deposit", 4)]))
def deposits_more(s, accounts, steps):
    "deposit adds only amounts above 0 and gives back the balance"
    return play(s, accounts, steps, ["z"])


@check(weight=3, visible=False)
@cases(case([31], about="one more than the balance"),
       case([30], about="exactly the whole balance"), case([0], about="withdrawing 0"),
       case([-10], about="a negative amount"),
       case([10, 20, 1], about="withdrawing from an empty account"),
       [5, 5, 2.5])
def withdraw_more(s, amounts):
    "withdraw takes out only what is possible, from an account with 30"
    return play(s, {"c": ("Cy", 30)}, [("c", "withdraw", x) for x in amounts], ["c"])


ABC = {"a": ("A", 10), "b": ("B", 5), "c": ("C",)}


@check(weight=3, visible=False)
@cases(case([("a", "transfer", "b", 10)], about="a transfer of the whole balance"),
       case([("a", "transfer", "b", 11)], about="a transfer of more than the balance"),
       case([("c", "transfer", "a", 0)], about="a transfer of 0"),
       case([("a", "transfer", "b", -5)], about="a negative transfer"),
       case([("a", "transfer", "b", 10), ("a", "transfer", "b", 1), ("b", "transfer", "c", 7),
             ("c", "transfer", "a", 0), ("c", "transfer", "a", 7)],
            about="transfers both ways between three accounts"),
       case([("a", "deposit", 1), ("b", "withdraw", 2)],
            about="every account has its own history"))
def transfer_and_separate_histories(s, steps):
    "transfers between accounts, and their histories"
    return play(s, dict(ABC), steps, ["a", "b", "c"])
