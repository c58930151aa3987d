def letter(score):
    if score >= 90:
        return "A"
    # Add the other letters with elif and else.
    return "F"


def compare(a, b):
    if a > b:
        return "bigger"
    return "smaller"


def first_in_dictionary(word1, word2):
    return word1
