from collections import Counter, defaultdict


def letter_counts(text):
    counts = {}
    for ch in text:
        counts[ch] = counts.get(ch, 0) + 1
    return counts


def top_words(text, n):
    return []


def missing_letters(have, need):
    return Counter()


def group_by_length(words):
    groups = {}
    return groups
