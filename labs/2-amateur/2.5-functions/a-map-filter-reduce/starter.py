from functools import reduce


def lazy_squares(numbers):
    return [n * n for n in numbers]


def only_short(words, max_length):
    return filter(lambda w: len(w) < max_length, words)


def product(numbers):
    return reduce(lambda a, b: a * b, numbers)


def longest_word(words):
    return ""


def cart_total(cart):
    return 0
