def is_pangram(sentence):
    lower = sentence.lower()
    return all(chr(code) in lower for code in range(ord("a"), ord("z") + 1))
