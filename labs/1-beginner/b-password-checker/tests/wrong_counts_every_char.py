# Gives a point for every digit/letter found, not one per kind.
def points(password):
    score = 0
    if len(password) >= 8:
        score += 1
    for ch in password:
        if ch.isdigit() or ch.islower() or ch.isupper() or not ch.isalnum():
            score += 1
    return min(score, 5)


def strength(password):
    p = points(password)
    if p <= 2:
        return "weak"
    elif p <= 4:
        return "medium"
    return "strong"
