# Other correct style: functools.reduce, lambdas stored in variables, map inside sum.
import functools


def lazy_squares(numbers):
    return map(lambda x: x ** 2, numbers)


def only_short(words, max_length):
    return filter(lambda word: not len(word) > max_length, words)


def product(numbers):
    return functools.reduce(lambda acc, n: acc * n, numbers, 1)


def longest_word(words):
    pick = lambda best, word: word if len(word) > len(best) else best  # noqa: E731
    return functools.reduce(pick, words, "")


def cart_total(cart):
    prices = map(lambda line: line[1] * line[2], cart)
    return sum(prices)
