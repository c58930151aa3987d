def double(n):
    result = n + n
    return result


def sign_word(n):
    if n == 0:
        word = "zero"
    elif n > 0:
        word = "positive"
    else:
        word = "negative"
    return word


def safe_divide(a, b):
    if b != 0:
        return a / b


def first_long_word(words, length):
    found = None
    i = 0
    while i < len(words) and found is None:
        if len(words[i]) > length:
            found = words[i]
        i += 1
    return found


def share_sweets(sweets, kids):
    each = 0
    while (each + 1) * kids <= sweets:
        each += 1
    return (each, sweets - each * kids)
