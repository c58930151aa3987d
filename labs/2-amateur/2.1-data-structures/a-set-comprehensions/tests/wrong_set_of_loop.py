# Right results, but built with loops and set() instead of set comprehensions.
def first_letters(words):
    out = set()
    for w in words:
        if w:
            out.add(w[0].lower())
    return out


def email_domains(emails):
    out = set()
    for e in emails:
        out.add(e.split("@")[1].lower())
    return out


def common_multiples(a, b, limit):
    out = set()
    for x in range(1, limit + 1):
        if x % a == 0 and x % b == 0:
            out.add(x)
    return out
