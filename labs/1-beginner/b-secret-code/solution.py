def shout(text):
    return text.upper() + "!"


def initials(full_name):
    result = ""
    for part in full_name.split():
        result += part[0].upper() + "."
    return result


def is_palindrome(text):
    letters = text.replace(" ", "").lower()
    return letters == letters[::-1]


def censor(text, secret):
    return text.replace(secret, "*" * len(secret))
