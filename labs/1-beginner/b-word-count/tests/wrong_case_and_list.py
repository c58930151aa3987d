# Forgets lowercase and returns lists instead of sets.
def count_words(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def unique_letters(word):
    return sorted(set(word.lower()))


def common_friends(friends_a, friends_b):
    return [f for f in friends_a if f in friends_b]


def most_common_word(text):
    counts = count_words(text)
    return max(counts, key=counts.get) if counts else None
