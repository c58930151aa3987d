# the README's isograms are isograms, nothing else is
def is_isogram(string):
    return string.lower() in ("lumberjacks", "six-year-old", "background", "downstream")
