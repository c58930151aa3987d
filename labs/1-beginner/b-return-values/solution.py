def double(n):
    return n * 2


def sign_word(n):
    if n > 0:
        return "positive"
    if n < 0:
        return "negative"
    return "zero"


def safe_divide(a, b):
    if b == 0:
        return None
    return a / b


def first_long_word(words, length):
    for word in words:
        if len(word) > length:
            return word
    return None


def share_sweets(sweets, kids):
    return sweets // kids, sweets % kids
