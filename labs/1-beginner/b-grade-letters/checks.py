from labcheck import check, cases, case, call


@check(weight=1)
@cases(85, 105)
def example_letter(s, score):
    "letter turns a score into a letter, and a typing mistake into ?"
    return call(s.letter, score)


@check(weight=1)
def example_compare(s):
    "compare(7, 3) says that 7 is bigger than 3"
    return call(s.compare, 7, 3)


@check(weight=1)
def example_first_in_dictionary(s):
    "first_in_dictionary finds the word that comes first, capitals or not"
    return call(s.first_in_dictionary, "pear", "Apple")


@check(weight=3, visible=False)
@cases(case(-1, about="just below 0"), case(0, about="the lowest possible score"),
       case(59, about="just below 60"), case(60, about="exactly 60"),
       case(69, about="just below 70"), case(70, about="exactly 70"),
       case(79, about="just below 80"), case(80, about="exactly 80"),
       case(89, about="just below 90"), case(89.5, about="a score with a decimal, below 90"),
       case(90, about="exactly 90"), 99, case(100, about="the highest possible score"),
       case(101, about="just above 100"), case(100.5, about="a decimal score above 100"),
       case(-0.5, about="a decimal score below 0"))
def letter_boundaries(s, score):
    "letter gives the right letter on both sides of every boundary"
    return call(s.letter, score)


@check(weight=2, visible=False)
@cases(case(3, 7, about="the first number is smaller"), case(5, 5, about="two equal numbers"),
       case(-2, -8, about="negative numbers"), (-8, -2), case(0, 0, about="zero and zero"),
       case(0.1, 0.2, about="decimal numbers"), case(2.5, 2.5, about="two equal decimals"),
       case(10**12, 10**12 - 1, about="very big numbers"))
def compare_more(s, a, b):
    "compare says bigger, smaller or same for other numbers"
    return call(s.compare, a, b)


@check(weight=2, visible=False)
@cases(("apple", "banana"), ("banana", "apple"),
       case("Zebra", "ant", about="a capital letter against a small one"), ("ant", "Zebra"),
       case("car", "cart", about="one word is the start of the other"), ("cart", "car"),
       case("Tom", "tom", about="the same word, written with other capitals"),
       ("tom", "TOM"), ("b", "B"))
def first_in_dictionary_more(s, word1, word2):
    "first_in_dictionary with capitals, equal words and words that start the same"
    return call(s.first_in_dictionary, word1, word2)
