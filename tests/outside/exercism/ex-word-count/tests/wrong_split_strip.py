import string


# splits at white space only and strips punctuation at the ends of each piece
def count_words(sentence):
    counts = {}
    for piece in sentence.lower().split():
        word = piece.strip(string.punctuation)
        counts[word] = counts.get(word, 0) + 1
    return counts
