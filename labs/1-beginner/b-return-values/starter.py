def double(n):
    print(n * 2)


def sign_word(n):
    if n > 0:
        print("positive")


def safe_divide(a, b):
    return a / b


def first_long_word(words, length):
    for word in words:
        if len(word) > length:
            print(word)


def share_sweets(sweets, kids):
    return 0
