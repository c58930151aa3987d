def shout(text):
    return text.upper()


def initials(full_name):
    return ""


def is_palindrome(text):
    return text == text[::-1]


def censor(text, secret):
    return text
