from labcheck import check, cases, case, call, case_call

# share_sweets must return two values (a tuple): a list [3, 2] is now a different observation
# from (3, 2) by itself.  safe_divide must return what a / b gives, a float: its checks compare
# types exactly (0 is not accepted for 0.0).


@check(weight=1)
def example_double(s):
    "double(21) returns twice 21"
    return call(s.double, 21)


@check(weight=1)
def example_sign_word(s):
    "sign_word(-4) says that -4 is negative"
    return call(s.sign_word, -4)


@check(weight=1, exact_types=True)
@cases((7, 2), (7, 0))
def example_safe_divide(s, a, b):
    "safe_divide divides, and returns None instead of dividing by 0"
    return call(s.safe_divide, a, b)


@check(weight=1)
def example_first_long_word(s):
    "first_long_word finds the first word with more than 3 letters"
    return call(s.first_long_word, ["hi", "hello", "hey", "greetings"], 3)


@check(weight=1)
def example_share_sweets(s):
    "share_sweets(17, 5) returns two values: sweets for each kid and sweets left"
    return call(s.share_sweets, 17, 5)


NUMBERS = [case(0, about="zero"), case(-3, about="a negative number"),
           case(2.5, about="a decimal number"), case(10**15, about="a very big number"),
           case(-0.001, about="a tiny negative number"), 1]


def with_name(name, rows):
    return [case(name, *r.args, about=f"{name}: {r.about}") if hasattr(r, "about")
            else (name, r) for r in rows]


@check(weight=2, visible=False)
@cases(*with_name("double", NUMBERS),
       case("double(4) + double(-1)", about="the results of double can be used in a sum"),
       *with_name("sign_word", NUMBERS))
def double_and_sign_more(s, name, *args):
    "double and sign_word return answers that the program can use"
    if name == "double(4) + double(-1)":
        case_call(name)
        return call(lambda: s.double(4) + s.double(-1))
    return call(getattr(s, name), *args)


@check(weight=2, visible=False, exact_types=True)
@cases(case(0, 5, about="zero divided by a number"), case(-9, 3, about="negative numbers"),
       case(1, 3, about="a result that never ends"), case(5, 0.0, about="dividing by 0.0"),
       case(0, 0, about="zero divided by zero"), (10, -4))
def safe_divide_more(s, a, b):
    "safe_divide with zero on top, negative numbers and division by zero"
    return call(s.safe_divide, a, b)


@check(weight=3, visible=False)
@cases(case(["giraffe", "ox"], 2, about="the first word is long"),
       case(["a", "bb", "ccc"], 3, about="no word is long enough"),
       case([], 0, about="an empty list"),
       case(["abc", "abcd", "abcde"], 3, about="a word with exactly length letters comes first"),
       case(["", "x"], 0, about="an empty word"), (["cat", "dog", "emu"], 2),
       (["short", "words", "only"], 9))
def first_long_word_more(s, words, length):
    "first_long_word looks at every word before it gives up"
    return call(s.first_long_word, list(words), length)


@check(weight=2, visible=False)
@cases(case(0, 3, about="no sweets"), case(9, 1, about="one kid"),
       case(2, 7, about="fewer sweets than kids"), case(20, 4, about="an exact share"),
       case(1000001, 10, about="a huge bag of sweets"))
def share_sweets_more(s, sweets, kids):
    "share_sweets returns two values for other numbers"
    return call(s.share_sweets, sweets, kids)
