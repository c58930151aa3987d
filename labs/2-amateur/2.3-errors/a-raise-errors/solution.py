def check_age(age):
    if not isinstance(age, int):
        raise TypeError("age must be an int")
    if age < 0 or age > 150:
        raise ValueError("age must be 0-150")
    return age


def parse_time(text):
    parts = text.split(":")
    if len(parts) != 2:
        raise ValueError("use the format HH:MM")
    hours, minutes = int(parts[0]), int(parts[1])
    if not 0 <= hours <= 23:
        raise ValueError("hours must be 0-23")
    if not 0 <= minutes <= 59:
        raise ValueError("minutes must be 0-59")
    return (hours, minutes)


def withdraw(balance, amount):
    if amount <= 0:
        raise ValueError("amount must be positive")
    if amount > balance:
        raise RuntimeError("not enough money")
    return balance - amount
