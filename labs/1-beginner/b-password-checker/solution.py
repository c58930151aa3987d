def points(password):
    has_digit = False
    has_lower = False
    has_upper = False
    has_other = False
    for ch in password:
        if ch.isdigit():
            has_digit = True
        elif ch.islower():
            has_lower = True
        elif ch.isupper():
            has_upper = True
        elif not ch.isalnum():
            has_other = True
    score = 0
    for ok in (len(password) >= 8, has_digit, has_lower, has_upper, has_other):
        if ok:
            score += 1
    return score


def strength(password):
    p = points(password)
    if p <= 2:
        return "weak"
    elif p <= 4:
        return "medium"
    else:
        return "strong"
