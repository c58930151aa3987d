from labcheck import call, case, cases, check


@check(weight=1)
def example_shout(s):
    "shout writes the text in capitals and adds an !"
    return call(s.shout, "hello agent")


@check(weight=1)
@cases("ada lovelace", "James Tiberius Kirk")
def example_initials(s, full_name):
    "initials gives the first letter of every part of the name, in capitals, with a dot"
    return call(s.initials, full_name)


@check(weight=1)
@cases("Never odd or even", "agent")
def example_is_palindrome(s, text):
    "is_palindrome says True when a text reads the same backwards"
    return call(s.is_palindrome, text)


@check(weight=1)
def example_censor(s):
    "censor replaces the secret word with one star per letter, every time it appears"
    return call(s.censor, "the code is blue, blue!", "blue")


@check(weight=1, visible=False)
@cases(case("", about="an empty text"),
       case("OK", about="a text that is already in capitals"),
       case("mission 007", about="a text with numbers"),
       case("ça va", about="a letter with an accent"))
def shout_more(s, text):
    "shout puts other texts in capitals and adds an !"
    return call(s.shout, text)


@check(weight=2, visible=False)
@cases(case("x", about="a name of one letter"),
       case("bond", about="a name with only one part"),
       case("  mary   jane  watson ", about="extra spaces between and around the parts"),
       case("Jean-luc picard", about="a part with a dash in it"),
       case("a b c d e f", about="many short parts"))
def initials_more(s, full_name):
    "initials takes one capital letter per part of the name, also with extra spaces"
    return call(s.initials, full_name)


@check(weight=2, visible=False)
@cases(case("a", about="a single letter"),
       case("Aa", about="the same letter, once small and once capital"),
       case("ab", about="two different letters"),
       case("racecar", about="one word"),
       case("Race Car", about="two words with capitals"),
       case("step on no pets", about="a sentence with spaces"),
       case("almost a palindrome", about="a sentence that only looks like one"),
       case("abca", about="a word that is almost the same backwards"),
       case("Was it a car or a cat I saw", about="a long sentence with capitals"))
def is_palindrome_more(s, text):
    "is_palindrome ignores spaces and capitals, and is not fooled by near misses"
    return call(s.is_palindrome, text)


@check(weight=1, visible=False)
@cases(case("nothing to hide", "secret", about="the secret word is not in the text"),
       case("red alert red", "red", about="the secret word at the start and at the end"),
       case("aaaa", "aa", about="the secret appears twice in a row"),
       case("Top secret: the secret base", "secret", about="the secret word next to a colon"))
def censor_more(s, text, secret):
    "censor stars out every appearance of the secret, and nothing else"
    return call(s.censor, text, secret)
