from labcheck import check, call, type_name


def described(r):
    """The contents and the type of a result."""
    return [r, type_name(r)]


@check(weight=1)
def example_letter_counts(s):
    'letter_counts("Hello, World!") gives a Counter'
    return described(call(s.letter_counts, "Hello, World!"))


@check(weight=1)
def example_top_words(s):
    'top_words("the cat saw the dog and the cat", 2)'
    r = call(s.top_words, "the cat saw the dog and the cat", 2)
    return [r, [type_name(x) for x in r] if type(r) is list else type_name(r)]


@check(weight=1)
def example_missing_letters(s):
    'missing_letters("aabc", "abba cc") gives a Counter'
    return described(call(s.missing_letters, "aabc", "abba cc"))


@check(weight=1)
def example_group_by_length(s):
    'group_by_length(["hi", "cat", "yo", "dog"]) gives a defaultdict(list)'
    r = call(s.group_by_length, ["hi", "cat", "yo", "dog"])
    factory = getattr(getattr(r, "default_factory", None), "__name__", None)
    return [r, type_name(r), factory]


@check(weight=2, visible=False)
def letter_counts_more(s):
    "letter_counts of an empty text, digits only, capitals, accents; a missing letter counts 0"
    texts = ["", "123 !?", "AaAa", "Zoë über", "Mississippi"]
    out = [described(call(s.letter_counts, t)) for t in texts]
    r = call(s.letter_counts, "abc")
    out.append(call(lambda: r["z"]))
    return out


@check(weight=2, visible=False)
def top_words_more(s):
    "top_words with ties, n bigger than the number of words, n = 0, capitals, empty text"
    cases = [("b a b a c", 2), ("one", 5), ("x y z", 0), ("Go go GO stop Stop", 1), ("", 3),
             ("a b c d e f a", 3)]
    return [call(s.top_words, t, n) for t, n in cases]


@check(weight=2, visible=False)
def missing_letters_more(s):
    "missing_letters when nothing is missing, everything is missing, capitals, repeats"
    cases = [("abc", "abc"), ("", "hello"), ("HELLO", "hello"), ("zzz", "z z z z z"),
             ("aaa bbb", "ab"), ("note", "tone tone")]
    return [described(call(s.missing_letters, h, n)) for h, n in cases]


@check(weight=2, visible=False)
def group_by_length_more(s):
    "group_by_length with no words, repeats, an empty word; a missing length gives []"
    out = []
    for words in ([], ["a", "a", "bb"], ["", "x", ""], ["three", "four", "five", "six"]):
        r = call(s.group_by_length, words)
        out.append(described(r))
    r = call(s.group_by_length, ["ok"])
    out.append(call(lambda: r[9]))
    out.append(described(r))
    return out
