def abbreviate(words):
    # return the first letter of each word, in upper case
    pass
