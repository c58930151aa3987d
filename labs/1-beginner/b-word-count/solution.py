def count_words(text):
    counts = {}
    for word in text.lower().split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def unique_letters(word):
    return set(word.lower())


def common_friends(friends_a, friends_b):
    return set(friends_a) & set(friends_b)


def most_common_word(text):
    counts = count_words(text)
    best = None
    for word in counts:
        if best is None or counts[word] > counts[best]:
            best = word
    return best
