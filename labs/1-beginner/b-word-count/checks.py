from labcheck import call, case, cases, check

# Sets are compared as sets (a list of letters is not a set), dictionaries without looking at
# the order of their keys.

TEXTS = [("", "an empty text"),
         ("hello", "one word"),
         ("A a A b", "the same word with small and capital letters"),
         ("one two three\nTWO three THREE", "two lines, and words in capitals"),
         ("  spaces   everywhere  ", "extra spaces"),
         ("x y z x y z x", "repeated words"),
         ("Zoë zoë ZOË", "a word with an accent, written three ways")]


@check(weight=1)
def example_count_words(s):
    "count_words counts every word, in lowercase"
    return call(s.count_words, "the cat and The dog")


@check(weight=1)
def example_unique_letters(s):
    "unique_letters gives the set of different letters, in lowercase"
    return call(s.unique_letters, "Banana")


@check(weight=1)
def example_common_friends(s):
    "common_friends gives the set of friends both people have"
    return call(s.common_friends, ["Ann", "Bo", "Cy"], ["Cy", "Dan", "Ann"])


@check(weight=1)
def example_most_common_word(s):
    "most_common_word finds the word that appears most often"
    return call(s.most_common_word, "to be or not to be")


@check(weight=2, visible=False)
@cases(*[case(text, about=what) for text, what in TEXTS])
def count_words_more(s, text):
    "count_words counts the words of other texts in lowercase, also with new lines and extra spaces"
    return call(s.count_words, text)


@check(weight=1, visible=False)
@cases(case("unique_letters", "", about="unique_letters of an empty word"),
       case("unique_letters", "a", about="unique_letters of one letter"),
       case("unique_letters", "Mississippi", about="unique_letters of a word with many repeats"),
       case("unique_letters", "AaBb", about="unique_letters with small and capital letters"),
       case("common_friends", [], ["x"], about="common_friends when one person has no friends"),
       case("common_friends", ["x", "x"], ["x"], about="common_friends with a name twice in a list"),
       case("common_friends", ["a", "b"], ["c", "d"], about="common_friends with nobody in common"),
       case("common_friends", ["a", "b", "c"], ["c", "b", "a"],
            about="common_friends with the same friends in another order"),
       case("common_friends", ["a"], ["a"], about="common_friends with one friend each"))
def sets_more(s, function, *args):
    "unique_letters and common_friends give sets, also for empty lists, repeats and nobody in common"
    return call(getattr(s, function), *[list(a) if isinstance(a, list) else a for a in args])


@check(weight=2, visible=False)
@cases(*[case(text, about=what) for text, what in TEXTS],
       case("b a a b", about="a tie: two words appear equally often"),
       case("cat Dog dog CAT dog", about="capitals, and one word more often than the others"))
def most_common_word_more(s, text):
    "most_common_word picks the first word when there is a tie, and None for an empty text"
    return call(s.most_common_word, text)
