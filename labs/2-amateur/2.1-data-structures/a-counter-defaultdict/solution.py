from collections import Counter, defaultdict


def letter_counts(text):
    return Counter(ch for ch in text.lower() if ch.isalpha())


def top_words(text, n):
    return Counter(text.lower().split()).most_common(n)


def missing_letters(have, need):
    return Counter(need.lower().replace(" ", "")) - Counter(have.lower().replace(" ", ""))


def group_by_length(words):
    groups = defaultdict(list)
    for w in words:
        groups[len(w)].append(w)
    return groups
