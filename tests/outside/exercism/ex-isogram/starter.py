def is_isogram(string):
    # return True when no letter appears twice (ignore case, spaces and hyphens)
    pass
