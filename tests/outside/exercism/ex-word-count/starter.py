def count_words(sentence):
    # return {word: how many times it appears}
    return {}
