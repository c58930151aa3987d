def count_words(sentence):
    cleaned = "".join(ch if ch.isalnum() and ch.isascii() or ch == "'" else " "
                      for ch in sentence.lower())
    counts = {}
    for word in cleaned.split():
        word = word.strip("'")
        if word:
            counts[word] = counts.get(word, 0) + 1
    return counts
