def letter(score):
    if 90 <= score <= 100:
        return "A"
    if 80 <= score < 90:
        return "B"
    if 70 <= score < 80:
        return "C"
    if 60 <= score < 70:
        return "D"
    if 0 <= score < 60:
        return "F"
    return "?"


def compare(a, b):
    if a == b:
        return "same"
    if a < b:
        return "smaller"
    return "bigger"


def first_in_dictionary(word1, word2):
    a = word1.lower()
    b = word2.lower()
    if a <= b:
        return word1
    else:
        return word2
