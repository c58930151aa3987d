def is_isogram(string):
    seen = set()
    for ch in string.lower():
        if ch in " -":
            continue
        if ch in seen:
            return False
        seen.add(ch)
    return True
