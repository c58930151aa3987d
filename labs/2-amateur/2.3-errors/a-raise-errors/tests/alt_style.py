def check_age(age):
    if type(age) is not int:
        raise TypeError(f"{age!r} is not a whole number")
    if 0 <= age <= 150:
        return age
    raise ValueError(f"{age} is not a possible age")


def parse_time(text):
    if text.count(":") != 1:
        raise ValueError("exactly one ':' please")
    h, m = [int(x) for x in text.split(":")]
    if h not in range(24) or m not in range(60):
        raise ValueError("time out of range")
    return h, m


def withdraw(balance, amount):
    if not amount > 0:
        raise ValueError("nothing to withdraw")
    elif amount <= balance:
        return balance - amount
    else:
        raise RuntimeError("balance too low")
