# Forgets capitals in initials, does not ignore spaces, fixed number of stars.
def shout(text):
    return text.upper() + "!"


def initials(full_name):
    return "".join(p[0] + "." for p in full_name.split())


def is_palindrome(text):
    return text.lower() == text.lower()[::-1]


def censor(text, secret):
    return text.replace(secret, "****")
