# Copies the ranges as whole numbers ("80 to 89"), so a score like 89.5 falls through every
# range and becomes a typing mistake.
def letter(score):
    if 90 <= score <= 100:
        return "A"
    elif 80 <= score <= 89:
        return "B"
    elif 70 <= score <= 79:
        return "C"
    elif 60 <= score <= 69:
        return "D"
    elif 0 <= score <= 59:
        return "F"
    return "?"


def compare(a, b):
    if a > b:
        return "bigger"
    elif a < b:
        return "smaller"
    return "same"


def first_in_dictionary(word1, word2):
    if word2.lower() < word1.lower():
        return word2
    return word1
