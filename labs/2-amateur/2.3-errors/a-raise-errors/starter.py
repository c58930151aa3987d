def check_age(age):
    return age


def parse_time(text):
    hours, minutes = text.split(":")
    return (int(hours), int(minutes))


def withdraw(balance, amount):
    return balance - amount
