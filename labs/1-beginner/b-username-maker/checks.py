from labcheck import call, case, cases, check


@check(weight=1)
def example_tidy_name(s):
    "tidy_name removes extra spaces and writes every word with one capital letter"
    return call(s.tidy_name, "  aDA   loveLACE ")


@check(weight=1)
@cases(("Ada Lovelace", 2012), ("  Alan  Mathison Turing", 2005))
def example_username(s, full_name, year):
    "username is the first letter, the last word and the last two digits of the year"
    return call(s.username, full_name, year)


@check(weight=1)
def example_count_vowels(s):
    "count_vowels counts small and capital vowels"
    return call(s.count_vowels, "Computer Club")


@check(weight=1)
def example_hide_password(s):
    "hide_password hides everything except the last 3 characters"
    return call(s.hide_password, "banana42")


@check(weight=2, visible=False)
@cases(case("bob", about="one word in small letters"),
       case("GRACE BREWSTER MURRAY HOPPER", about="many words in capitals"),
       case("\tzoë  ångström\n", about="a tab, a new line and letters with accents"),
       case("", about="an empty text"),
       case("   ", about="a text with only spaces"),
       case("a b c", about="words of one letter"),
       case("mARY", about="capitals in the wrong places"),
       case("lin   manuel   MIRANDA", about="many spaces between the words"))
def tidy_name_more(s, text):
    "tidy_name cleans up the spaces and capitals of other names, also tabs and empty texts"
    return call(s.tidy_name, text)


@check(weight=2, visible=False)
@cases(case("GRACE HOPPER", 1999, about="a name in capitals"),
       case("katherine   johnson", 2000, about="many spaces, and a year ending in 00"),
       case("Li Na", 2021, about="a short name"),
       case("Bo  Ek", 2109, about="a year in the future"),
       case("Ángel Di María", 2010, about="three words with accents"),
       case("x Y", 2001, about="one-letter words"))
def username_more(s, full_name, year):
    "username uses the first and the last word and two digits of the year, for other names and years"
    return call(s.username, full_name, year)


@check(weight=2, visible=False)
@cases(case("", about="an empty text"),
       case("rhythm", about="a word without a, e, i, o or u"),
       case("AEIOU aeiou", about="only vowels, capital and small"),
       case("Hello, World!", about="a text with punctuation"),
       case("Mississippi", about="the same vowel many times"),
       case("xyz" * 10, about="a long text without vowels"),
       case("Queueing", about="many vowels in a row"))
def count_vowels_more(s, text):
    "count_vowels counts a, e, i, o and u in other texts, small and capital"
    return call(s.count_vowels, text)


@check(weight=2, visible=False)
@cases(case("", about="an empty password"),
       case("a", about="a password of 1 character"),
       case("ab", about="a password of 2 characters"),
       case("abc", about="a password of exactly 3 characters"),
       case("abcd", about="a password of 4 characters"),
       case("my secret", about="a password with a space"),
       case("x" * 30 + "end", about="a long password"),
       case("Zoë!", about="a password with an accent and a sign"))
def hide_password_more(s, password):
    "hide_password leaves the last 3 characters visible, and short passwords as they are"
    return call(s.hide_password, password)
