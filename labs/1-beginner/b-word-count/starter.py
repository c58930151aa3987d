def count_words(text):
    counts = {}
    for word in text.split():
        counts[word] = 1
    return counts


def unique_letters(word):
    return set(word)


def common_friends(friends_a, friends_b):
    return set()


def most_common_word(text):
    return None
