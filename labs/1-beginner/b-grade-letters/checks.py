from labcheck import check, call


@check(weight=1)
def example_letter(s):
    "letter(85) and letter(105)"
    return [call(s.letter, 85), call(s.letter, 105)]


@check(weight=1)
def example_compare(s):
    "compare(7, 3)"
    return call(s.compare, 7, 3)


@check(weight=1)
def example_first_in_dictionary(s):
    'first_in_dictionary("pear", "Apple")'
    return call(s.first_in_dictionary, "pear", "Apple")


@check(weight=3, visible=False)
def letter_boundaries(s):
    "letter at every boundary (59, 60, 69, 70, ... 100, 101, -1, 0, 89.5)"
    scores = [-1, 0, 59, 60, 69, 70, 79, 80, 89, 89.5, 90, 99, 100, 101, 100.5, -0.5]
    return [call(s.letter, x) for x in scores]


@check(weight=2, visible=False)
def compare_more(s):
    "compare with equal numbers, negatives, decimals and both orders"
    pairs = [(3, 7), (5, 5), (-2, -8), (-8, -2), (0, 0), (0.1, 0.2), (2.5, 2.5), (10**12, 10**12 - 1)]
    return [call(s.compare, a, b) for a, b in pairs]


@check(weight=2, visible=False)
def first_in_dictionary_more(s):
    "first_in_dictionary with capitals, equal words, words that start the same"
    pairs = [("apple", "banana"), ("banana", "apple"), ("Zebra", "ant"), ("ant", "Zebra"),
             ("car", "cart"), ("cart", "car"), ("Tom", "tom"), ("tom", "TOM"), ("b", "B")]
    return [call(s.first_in_dictionary, a, b) for a, b in pairs]
