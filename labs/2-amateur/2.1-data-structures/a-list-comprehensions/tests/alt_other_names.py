def squares(numbers):
    return [x ** 2 for x in numbers]


def long_words(words, n):
    return [word for word in words if not len(word) <= n]


def shout(words):
    return [f"{word.upper()}!" for word in words]
