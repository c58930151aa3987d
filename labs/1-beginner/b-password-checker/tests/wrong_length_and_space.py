# Needs more than 8 characters, and only counts some symbols as "other".
def points(password):
    score = 0
    if len(password) > 8:
        score += 1
    if any(ch.isdigit() for ch in password):
        score += 1
    if any(ch.islower() for ch in password):
        score += 1
    if any(ch.isupper() for ch in password):
        score += 1
    if any(ch in "!?#$%&*" for ch in password):
        score += 1
    return score


def strength(password):
    p = points(password)
    if p < 3:
        return "weak"
    if p < 5:
        return "medium"
    return "strong"
