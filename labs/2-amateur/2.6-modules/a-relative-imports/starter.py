# Import LETTER_POINTS, BONUS_LENGTH and BONUS from rules.py (one package up: ..)
# and multiplier from board.py (same package: .)
LETTER_POINTS = {}
BONUS_LENGTH = 7
BONUS = 50


def letter_score(letter):
    return LETTER_POINTS.get(letter.lower(), 0)


def word_score(word):
    return sum(letter_score(ch) for ch in word)


def placed_score(word, start):
    return word_score(word)


def best_word(words):
    return None
