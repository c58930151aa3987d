import collections


def letter_counts(text):
    c = collections.Counter()
    for ch in text:
        if ch.isalpha():
            c[ch.lower()] += 1
    return c


def top_words(text, n):
    counts = collections.Counter()
    for w in text.lower().split():
        counts[w] += 1
    return counts.most_common()[:n]


def missing_letters(have, need):
    c = collections.Counter(need.lower())
    c.subtract(collections.Counter(have.lower()))
    return collections.Counter({k: v for k, v in c.items() if v > 0 and k != " "})


def group_by_length(words):
    groups = collections.defaultdict(list)
    for w in words:
        groups[len(w)] += [w]
    return groups
