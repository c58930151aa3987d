# Checks the parts with isdigit() before converting them (a sign is not a digit, so "-1" and
# "-0" are refused as "not a number" instead of by the range check).
def check_age(age):
    if not isinstance(age, int):
        raise TypeError("age must be a whole number")
    if not 0 <= age <= 150:
        raise ValueError("age must be 0-150")
    return age


def parse_time(text):
    parts = text.split(":")
    if len(parts) != 2 or not parts[0].isdigit() or not parts[1].isdigit():
        raise ValueError("write the time as HH:MM")
    hours, minutes = int(parts[0]), int(parts[1])
    if hours > 23 or minutes > 59:
        raise ValueError("no such time")
    return hours, minutes


def withdraw(balance, amount):
    if amount <= 0:
        raise ValueError("the amount must be more than 0")
    if amount > balance:
        raise RuntimeError("not enough money")
    return balance - amount
