# Right counts, but plain dicts instead of Counter/defaultdict (and negative counts kept).
def letter_counts(text):
    d = {}
    for ch in text.lower():
        if ch.isalpha():
            d[ch] = d.get(ch, 0) + 1
    return d


def top_words(text, n):
    d = {}
    for w in text.lower().split():
        d[w] = d.get(w, 0) + 1
    return sorted(d.items(), key=lambda p: -p[1])[:n]


def missing_letters(have, need):
    d = {}
    for ch in need.lower().replace(" ", ""):
        d[ch] = d.get(ch, 0) + 1
    for ch in have.lower().replace(" ", ""):
        d[ch] = d.get(ch, 0) - 1
    return d


def group_by_length(words):
    d = {}
    for w in words:
        d.setdefault(len(w), []).append(w)
    return d
