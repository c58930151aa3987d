# Returns None (or prints) instead of raising, and mixes up the exception types.
def check_age(age):
    if not isinstance(age, int):
        raise ValueError("not an int")
    if age < 0 or age > 150:
        return None
    return age


def parse_time(text):
    hours, minutes = text.split(":")
    hours, minutes = int(hours), int(minutes)
    if not 0 <= hours <= 23 or not 0 <= minutes <= 59:
        print("bad time")
        return None
    return (hours, minutes)


def withdraw(balance, amount):
    if amount <= 0 or amount > balance:
        raise ValueError("bad amount")
    return balance - amount
