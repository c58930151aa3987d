LETTER_POINTS = {"a": 1, "e": 1, "o": 1, "t": 1, "d": 2, "c": 3, "k": 5, "q": 10, "z": 10}


def letter_score(letter):
    return LETTER_POINTS.get(letter.lower(), 0)


def word_score(word):
    s = sum(letter_score(ch) for ch in word)
    return s + 50 if len(word) >= 7 else s


def placed_score(word, start):
    return sum(letter_score(ch) * (2 if start + i in (0, 4) else 1) for i, ch in enumerate(word))


def best_word(words):
    return max(words, key=word_score) if words else None
