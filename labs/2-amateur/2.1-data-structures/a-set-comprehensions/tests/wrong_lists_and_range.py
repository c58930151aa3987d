# Returns lists (with repeats), forgets lowercase, and stops before the limit.
def first_letters(words):
    return [w[0].lower() for w in words if w]


def email_domains(emails):
    return {e.split("@")[1] for e in emails}


def common_multiples(a, b, limit):
    return {x for x in range(1, limit) if x % a == 0 and x % b == 0}
