def points(password):
    score = 0
    if len(password) > 8:
        score = score + 1
    # Look at the characters one by one to find digits, small letters, capitals and others.
    return score


def strength(password):
    return "weak"
