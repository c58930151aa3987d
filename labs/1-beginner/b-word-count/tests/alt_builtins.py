def count_words(text):
    words = text.lower().split()
    return {w: words.count(w) for w in words}


def unique_letters(word):
    result = set()
    for ch in word:
        result.add(ch.lower())
    return result


def common_friends(friends_a, friends_b):
    return {f for f in friends_a if f in friends_b}


def most_common_word(text):
    words = text.lower().split()
    if not words:
        return None
    return max(words, key=words.count)
