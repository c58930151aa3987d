# Uses > where >= is needed.
def letter(score):
    if score < 0 or score > 100:
        return "?"
    elif score > 90:
        return "A"
    elif score > 80:
        return "B"
    elif score > 70:
        return "C"
    elif score > 60:
        return "D"
    else:
        return "F"


def compare(a, b):
    if a >= b:
        return "bigger"
    return "smaller"


def first_in_dictionary(word1, word2):
    if word2.lower() <= word1.lower():
        return word2
    return word1
