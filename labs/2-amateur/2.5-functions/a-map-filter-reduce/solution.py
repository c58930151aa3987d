from functools import reduce


def lazy_squares(numbers):
    return map(lambda n: n * n, numbers)


def only_short(words, max_length):
    return filter(lambda w: len(w) <= max_length, words)


def product(numbers):
    return reduce(lambda a, b: a * b, numbers, 1)


def longest_word(words):
    return reduce(lambda best, w: w if len(w) > len(best) else best, words, "")


def cart_total(cart):
    return sum(map(lambda line: line[1] * line[2], cart))
