# Builds the lists with loops, then copies them with a comprehension that does nothing.
def squares(numbers):
    result = []
    for n in numbers:
        result.append(n * n)
    return [x for x in result]


def long_words(words, n):
    result = []
    for w in words:
        if len(w) > n:
            result.append(w)
    return [w for w in result]


def shout(words):
    loud = list(map(str.upper, words))
    return [w + "!" for w in loud]
