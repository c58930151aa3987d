def first_letters(words):
    return {word[:1].lower() for word in words if len(word) > 0}


def email_domains(emails):
    return {address[address.index("@") + 1:].lower() for address in emails}


def common_multiples(a, b, limit):
    return {n for n in range(a, limit + 1, a) if n % b == 0}
