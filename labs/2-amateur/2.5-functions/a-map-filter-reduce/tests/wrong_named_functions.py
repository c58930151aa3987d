# Right answers, but named functions and operator.mul instead of lambdas, and a loop in
# cart_total instead of map: the rules of the lab are not followed.
import functools
import operator


def square(n):
    return n ** 2


def lazy_squares(numbers):
    return map(square, numbers)


def only_short(words, max_length):
    def short(word):
        return len(word) <= max_length
    return filter(short, words)


def product(numbers):
    return functools.reduce(operator.mul, numbers, 1)


def longer(a, b):
    return b if len(b) > len(a) else a


def longest_word(words):
    return functools.reduce(longer, words, "")


def cart_total(cart):
    total = 0
    for _, price, qty in cart:
        total += price * qty
    return total
