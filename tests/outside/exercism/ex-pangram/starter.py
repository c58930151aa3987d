def is_pangram(sentence):
    # return True when every letter a-z appears in sentence
    pass
