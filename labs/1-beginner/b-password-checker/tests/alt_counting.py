def points(password):
    digits = 0
    small = 0
    big = 0
    others = 0
    for ch in password:
        if ch.isdigit():
            digits += 1
        if ch.islower():
            small += 1
        if ch.isupper():
            big += 1
        if not ch.isalnum():
            others += 1
    score = 0
    if len(password) >= 8:
        score += 1
    if digits > 0:
        score += 1
    if small > 0:
        score += 1
    if big > 0:
        score += 1
    if others > 0:
        score += 1
    return score


def strength(password):
    p = points(password)
    if p == 5:
        return "strong"
    if p >= 3:
        return "medium"
    return "weak"
