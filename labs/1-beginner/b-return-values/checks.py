from labcheck import check, call, type_name


@check(weight=1)
def example_double(s):
    "double(21)"
    return call(s.double, 21)


@check(weight=1)
def example_sign_word(s):
    "sign_word(-4)"
    return call(s.sign_word, -4)


@check(weight=1)
def example_safe_divide(s):
    "safe_divide(7, 2) and safe_divide(7, 0)"
    return [call(s.safe_divide, 7, 2), call(s.safe_divide, 7, 0)]


@check(weight=1)
def example_first_long_word(s):
    'first_long_word(["hi", "hello", "hey", "greetings"], 3)'
    return call(s.first_long_word, ["hi", "hello", "hey", "greetings"], 3)


@check(weight=1)
def example_share_sweets(s):
    "share_sweets(17, 5)"
    return call(s.share_sweets, 17, 5)


@check(weight=2, visible=False)
def double_and_sign_more(s):
    "double and sign_word with zero, negatives, decimals, big numbers (and using the results)"
    nums = [0, -3, 2.5, 10**15, -0.001, 1]
    doubled = [call(s.double, n) for n in nums]
    used = call(lambda: s.double(4) + s.double(-1))
    return [doubled, used, [call(s.sign_word, n) for n in nums]]


@check(weight=2, visible=False)
def safe_divide_more(s):
    "safe_divide with zero on top, negative numbers, 0.0, and the type of the result"
    pairs = [(0, 5), (-9, 3), (1, 3), (5, 0.0), (0, 0), (10, -4)]
    results = [call(s.safe_divide, a, b) for a, b in pairs]
    return [results, [type_name(r) for r in results]]


@check(weight=3, visible=False)
def first_long_word_more(s):
    "first_long_word when the first word is long, no word is long, the list is empty, exactly length letters"
    cases = [(["giraffe", "ox"], 2), (["a", "bb", "ccc"], 3), ([], 0), (["abc", "abcd", "abcde"], 3),
             (["", "x"], 0), (["cat", "dog", "emu"], 2), (["short", "words", "only"], 9)]
    return [call(s.first_long_word, w, n) for w, n in cases]


@check(weight=2, visible=False)
def share_sweets_more(s):
    "share_sweets with no sweets, one kid, fewer sweets than kids, exact shares"
    cases = [(0, 3), (9, 1), (2, 7), (20, 4), (1000001, 10)]
    results = [call(s.share_sweets, a, b) for a, b in cases]
    return [results, type_name(results[0])]
