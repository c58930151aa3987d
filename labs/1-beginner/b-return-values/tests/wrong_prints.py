# Prints the answers instead of returning them.
def double(n):
    print(n * 2)


def sign_word(n):
    if n > 0:
        print("positive")
    elif n < 0:
        print("negative")
    else:
        print("zero")


def safe_divide(a, b):
    if b == 0:
        print("None")
    else:
        print(a / b)


def first_long_word(words, length):
    for word in words:
        if len(word) > length:
            print(word)
            break


def share_sweets(sweets, kids):
    print(sweets // kids, sweets % kids)
