# counts 26 different characters, but digits are not letters
def is_pangram(sentence):
    different = {ch for ch in sentence.lower() if ch.isalnum()}
    return len(different) >= 26
