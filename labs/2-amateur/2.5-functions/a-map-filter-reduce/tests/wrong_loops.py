# map and filter where a lazy object is visible, but loops everywhere else: product,
# longest_word and cart_total give the right answers without reduce, map or a lambda.
def lazy_squares(numbers):
    return map(lambda n: n * n, numbers)


def only_short(words, max_length):
    return filter(lambda w: len(w) <= max_length, words)


def product(numbers):
    result = 1
    for n in numbers:
        result *= n
    return result


def longest_word(words):
    best = ""
    for w in words:
        if len(w) > len(best):
            best = w
    return best


def cart_total(cart):
    return sum(price * quantity for _, price, quantity in cart)
