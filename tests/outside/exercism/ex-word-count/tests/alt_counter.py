import collections
import re


def count_words(sentence):
    # a Counter is a dict: the tests compare it with plain dicts
    return collections.Counter(w.strip("'") for w in re.findall(r"[\w']+", sentence.lower().replace("_", " "))
                               if w.strip("'"))
