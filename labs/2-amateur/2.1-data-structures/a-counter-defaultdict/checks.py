# collections is imported here once, by the harness before it starts the checks, so that the
# student's `from collections import ...` does not load it again in every check's process.
import collections  # noqa: F401

from labcheck import case, case_call, cases, check, call, type_name

# A Counter and a plain dict look the same once compared, so the checks also observe the type:
# this lab is about using Counter and defaultdict.


def described(r):
    """The contents and the type of a result."""
    if isinstance(r, dict) and "$raised" in r:        # the student's code raised
        return r
    return [r, type_name(r)]


def grouped(r):
    """A defaultdict: its contents, its type and what a missing key starts as."""
    if isinstance(r, dict) and "$raised" in r:
        return r
    factory = getattr(getattr(r, "default_factory", None), "__name__", None)
    return [r, type_name(r), factory]


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
def example_letter_counts(s):
    "letter_counts counts the letters in a Counter"
    return described(call(s.letter_counts, "Hello, World!"))


@check(weight=1)
def example_top_words(s):
    "top_words gives the 2 most common words with their counts"
    return call(s.top_words, "the cat saw the dog and the cat", 2)


@check(weight=1)
def example_missing_letters(s):
    "missing_letters gives a Counter of the letters still needed"
    return described(call(s.missing_letters, "aabc", "abba cc"))


@check(weight=1)
def example_group_by_length(s):
    "group_by_length gives a defaultdict(list) of the words by length"
    return grouped(call(s.group_by_length, ["hi", "cat", "yo", "dog"]))


# ---- hidden checks: other inputs and edge cases ------------------------------------------------


@check(weight=2, visible=False)
@cases(case("", about="an empty text"), case("123 !?", about="digits and punctuation only"),
       case("AaAa", about="capitals and small letters"),
       case("Zoë über", about="letters with accents"), "Mississippi",
       case("abc", "z", about="asking for a letter that is not in the text"))
def letter_counts_more(s, text, missing=None):
    "letter_counts counts only the letters, in lowercase, in other texts"
    r = call(s.letter_counts, text)
    if missing is None:
        return described(r)
    case_call(f"letter_counts({text!r})[{missing!r}]")
    return call(lambda: r[missing])


@check(weight=2, visible=False)
@cases(case("b a b a c", 2, about="two words with the same count"),
       case("one", 5, about="n bigger than the number of words"), case("x y z", 0, about="n = 0"),
       case("Go go GO stop Stop", 1, about="capitals"), case("", 3, about="an empty text"),
       ("a b c d e f a", 3))
def top_words_more(s, text, n):
    "top_words finds the most common words of other texts"
    return call(s.top_words, text, n)


@check(weight=2, visible=False)
@cases(case("abc", "abc", about="nothing is missing"),
       case("", "hello", about="everything is missing"),
       case("HELLO", "hello", about="capitals"),
       case("zzz", "z z z z z", about="spaces and repeats"),
       case("aaa bbb", "ab", about="far more than needed"), ("note", "tone tone"))
def missing_letters_more(s, have, need):
    "missing_letters keeps only the letters still missing, for other texts"
    return described(call(s.missing_letters, have, need))


@check(weight=2, visible=False)
@cases(case([], about="no words at all"), case(["a", "a", "bb"], about="the same word twice"),
       case(["", "x", ""], about="empty words"), ["three", "four", "five", "six"],
       case(["ok"], 9, about="asking for a length that no word has"))
def group_by_length_more(s, words, missing=None):
    "group_by_length groups other words by their length"
    r = call(s.group_by_length, words)
    if missing is None:
        return grouped(r)
    case_call(f"g = group_by_length({words!r}); g[{missing!r}]; g")
    return [call(lambda: r[missing]), grouped(r)]
