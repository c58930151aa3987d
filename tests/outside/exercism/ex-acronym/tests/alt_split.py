def abbreviate(words):
    letters = []
    for word in words.replace("-", " ").split():
        word = word.strip("_,.!?:;")
        if word:
            letters.append(word[0].upper())
    return "".join(letters)
