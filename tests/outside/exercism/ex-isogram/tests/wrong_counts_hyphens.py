# forgets that spaces and hyphens may repeat
def is_isogram(string):
    text = string.lower()
    return len(set(text)) == len(text)
