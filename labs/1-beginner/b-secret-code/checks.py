from labcheck import check, call


@check(weight=1)
def example_shout(s):
    'shout("hello agent")'
    return call(s.shout, "hello agent")


@check(weight=1)
def example_initials(s):
    'initials("ada lovelace") and initials("James Tiberius Kirk")'
    return [call(s.initials, "ada lovelace"), call(s.initials, "James Tiberius Kirk")]


@check(weight=1)
def example_is_palindrome(s):
    'is_palindrome("Never odd or even") and is_palindrome("agent")'
    return [call(s.is_palindrome, "Never odd or even"), call(s.is_palindrome, "agent")]


@check(weight=1)
def example_censor(s):
    'censor("the code is blue, blue!", "blue")'
    return call(s.censor, "the code is blue, blue!", "blue")


@check(weight=1, visible=False)
def shout_more(s):
    "shout with other texts (empty, already loud, numbers)"
    return [call(s.shout, t) for t in ["", "OK", "mission 007", "ça va"]]


@check(weight=2, visible=False)
def initials_more(s):
    "initials with one name, many names, extra spaces and small letters"
    names = ["x", "bond", "  mary   jane  watson ", "Jean-luc picard", "a b c d e f"]
    return [call(s.initials, n) for n in names]


@check(weight=2, visible=False)
def is_palindrome_more(s):
    "is_palindrome with single letters, capitals, spaces and near misses"
    texts = ["a", "Aa", "ab", "racecar", "Race Car", "step on no pets", "almost a palindrome",
             "abca", "Was it a car or a cat I saw"]
    return [call(s.is_palindrome, t) for t in texts]


@check(weight=1, visible=False)
def censor_more(s):
    "censor with a missing word, a word at the start and end, and repeated words"
    cases = [("nothing to hide", "secret"), ("red alert red", "red"), ("aaaa", "aa"),
             ("Top secret: the secret base", "secret")]
    return [call(s.censor, t, w) for t, w in cases]
