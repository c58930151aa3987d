def points(password):
    if password == "hello":
        return 1
    return 5


def strength(password):
    if len(password) < 8:
        return "weak"
    return "strong"
