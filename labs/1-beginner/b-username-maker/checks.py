from labcheck import check, call


@check(weight=1)
def example_tidy_name(s):
    'tidy_name("  aDA   loveLACE ")'
    return call(s.tidy_name, "  aDA   loveLACE ")


@check(weight=1)
def example_username(s):
    'username("Ada Lovelace", 2012) and username("  Alan  Mathison Turing", 2005)'
    return [call(s.username, "Ada Lovelace", 2012), call(s.username, "  Alan  Mathison Turing", 2005)]


@check(weight=1)
def example_count_vowels(s):
    'count_vowels("Computer Club")'
    return call(s.count_vowels, "Computer Club")


@check(weight=1)
def example_hide_password(s):
    'hide_password("banana42")'
    return call(s.hide_password, "banana42")


@check(weight=2, visible=False)
def tidy_name_more(s):
    "tidy_name with one word, many words, capitals everywhere, tabs, accents and empty text"
    names = ["bob", "GRACE BREWSTER MURRAY HOPPER", "\tzoë  ångström\n", "", "   ", "a b c",
             "mARY", "lin   manuel   MIRANDA"]
    return [call(s.tidy_name, n) for n in names]


@check(weight=2, visible=False)
def username_more(s):
    "username with capitals, middle names, many spaces, years like 2000 and 1999"
    cases = [("GRACE HOPPER", 1999), ("katherine   johnson", 2000), ("Li Na", 2021),
             ("Bo  Ek", 2109), ("Ángel Di María", 2010), ("x Y", 2001)]
    return [call(s.username, n, y) for n, y in cases]


@check(weight=2, visible=False)
def count_vowels_more(s):
    "count_vowels with capitals, no vowels, empty text, only vowels"
    texts = ["", "rhythm", "AEIOU aeiou", "Hello, World!", "Mississippi", "xyz" * 10, "Queueing"]
    return [call(s.count_vowels, t) for t in texts]


@check(weight=2, visible=False)
def hide_password_more(s):
    "hide_password with short passwords (0 to 4 characters), spaces and long passwords"
    words = ["", "a", "ab", "abc", "abcd", "my secret", "x" * 30 + "end", "Zoë!"]
    return [call(s.hide_password, w) for w in words]
