def shout(text):
    return f"{text.upper()}!"


def initials(full_name):
    return "".join(p[0].upper() + "." for p in full_name.split())


def is_palindrome(text):
    cleaned = "".join(text.lower().split())
    return cleaned == "".join(reversed(cleaned))


def censor(text, secret):
    stars = ""
    for _ in secret:
        stars += "*"
    return stars.join(text.split(secret))
