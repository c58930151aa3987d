# Absolute imports of the package's own modules: break when the package has another name.
from wordgame.rules import BONUS, BONUS_LENGTH, LETTER_POINTS
from wordgame.engine.board import multiplier


def letter_score(letter):
    return LETTER_POINTS.get(letter.lower(), 0)


def word_score(word):
    score = sum(letter_score(ch) for ch in word)
    if len(word) >= BONUS_LENGTH:
        score += BONUS
    return score


def placed_score(word, start):
    return sum(letter_score(ch) * multiplier(start + i) for i, ch in enumerate(word))


def best_word(words):
    if not words:
        return None
    return max(words, key=word_score)
