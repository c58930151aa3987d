def squares(numbers):
    # Return [...] with one list comprehension
    return []


def long_words(words, n):
    return words


def shout(words):
    return []
