# Uses loops instead of comprehensions, and >= instead of >.
def squares(numbers):
    result = []
    for n in numbers:
        result.append(n * n)
    return result


def long_words(words, n):
    return [w for w in words if len(w) >= n]


def shout(words):
    result = []
    for w in words:
        result.append(w.upper() + "!")
    return result
