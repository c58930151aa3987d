# splits at spaces only: hyphens and underscores get in the way
def abbreviate(words):
    return "".join(word[0].upper() for word in words.split())
