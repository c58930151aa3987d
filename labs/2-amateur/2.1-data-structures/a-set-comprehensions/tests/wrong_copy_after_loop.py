# Loops build the sets, then a set comprehension only copies them.
def first_letters(words):
    found = set()
    for w in words:
        if w:
            found.add(w[0].lower())
    return {x for x in found}


def email_domains(emails):
    return {e.split("@")[1].lower() for e in emails}


def common_multiples(a, b, limit):
    found = []
    n = 1
    while n <= limit:
        if n % a == 0 and n % b == 0:
            found.append(n)
        n += 1
    return {x for x in found}
