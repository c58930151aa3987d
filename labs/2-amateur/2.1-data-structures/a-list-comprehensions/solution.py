def squares(numbers):
    return [n * n for n in numbers]


def long_words(words, n):
    return [w for w in words if len(w) > n]


def shout(words):
    return [w.upper() + "!" for w in words]
