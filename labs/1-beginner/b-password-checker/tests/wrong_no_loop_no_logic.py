# Right points, but no loop statement and no and/or/not: generator expressions, any() and
# "== False" do the work (the README asks for a loop and a logical operator).
def points(password):
    rules = [len(password) >= 8,
             any(ch.isdigit() for ch in password),
             any(ch.islower() for ch in password),
             any(ch.isupper() for ch in password),
             any(ch.isalnum() == False for ch in password)]
    return rules.count(True)


def strength(password):
    p = points(password)
    if p <= 2:
        return "weak"
    if p <= 4:
        return "medium"
    return "strong"
