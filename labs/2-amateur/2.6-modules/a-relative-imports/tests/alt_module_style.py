from .. import rules
from . import board


def letter_score(letter):
    return rules.LETTER_POINTS.get(letter.lower(), 0)


def word_score(word):
    total = 0
    for ch in word:
        total += letter_score(ch)
    return total + (rules.BONUS if len(word) >= rules.BONUS_LENGTH else 0)


def placed_score(word, start):
    total = 0
    position = start
    for ch in word:
        total += letter_score(ch) * board.multiplier(position)
        position += 1
    return total


def best_word(words):
    best = None
    for w in words:
        if best is None or word_score(w) > word_score(best):
            best = w
    return best
