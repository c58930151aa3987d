from labcheck import check, call, type_name


@check(weight=1)
def example_count_words(s):
    'count_words("the cat and The dog")'
    return call(s.count_words, "the cat and The dog")


@check(weight=1)
def example_unique_letters(s):
    'unique_letters("Banana") gives a set'
    r = call(s.unique_letters, "Banana")
    return [r, type_name(r)]


@check(weight=1)
def example_common_friends(s):
    'common_friends(["Ann", "Bo", "Cy"], ["Cy", "Dan", "Ann"])'
    return call(s.common_friends, ["Ann", "Bo", "Cy"], ["Cy", "Dan", "Ann"])


@check(weight=1)
def example_most_common_word(s):
    'most_common_word("to be or not to be")'
    return call(s.most_common_word, "to be or not to be")


TEXTS = ["", "hello", "A a A b", "one two three\nTWO three THREE", "  spaces   everywhere  ",
         "x y z x y z x", "Zoë zoë ZOË"]


@check(weight=2, visible=False)
def count_words_more(s):
    "count_words with other texts (empty, new lines, extra spaces, capitals)"
    return [call(s.count_words, t) for t in TEXTS]


@check(weight=1, visible=False)
def sets_more(s):
    "unique_letters and common_friends with other values (empty, nobody in common, repeats)"
    letters = [call(s.unique_letters, w) for w in ["", "a", "Mississippi", "AaBb"]]
    friends = [call(s.common_friends, a, b) for a, b in [
        ([], ["x"]), (["x", "x"], ["x"]), (["a", "b"], ["c", "d"]), (["a", "b", "c"], ["c", "b", "a"])]]
    return [letters, friends, type_name(call(s.common_friends, ["a"], ["a"]))]


@check(weight=2, visible=False)
def most_common_word_more(s):
    "most_common_word with ties, capitals and an empty text"
    return [call(s.most_common_word, t) for t in TEXTS + ["b a a b", "cat Dog dog CAT dog"]]
