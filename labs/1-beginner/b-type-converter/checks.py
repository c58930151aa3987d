from labcheck import call, case, cases, check

# Every check runs in a process of its own, so this lab keeps few checks: the README's
# examples are one table (each case shows its own call), and each function has one hidden
# table.  (Ten checks of one or two calls each made grading slow.)
#
# The lesson is int vs float vs str vs bool, so the checks that return numbers compare types
# exactly: 42.0 is not the expected 42.


@check(weight=5, exact_types=True)
@cases(("add_texts", "12", "30"), ("join_numbers", 12, 30), ("whole_part", "3.99"),
       ("kind", 7), ("kind", "7"), ("is_truthy", "hello"), ("is_truthy", 0))
def examples(s, function, *args):
    "The examples from the README give exactly the answers shown there, with the right type"
    return call(getattr(s, function), *args)


@check(weight=2, visible=False, exact_types=True)
@cases(case("0", "0", about="two zeros"),
       case("-5", "3", about="a negative number"),
       case(" 7 ", "8", about="spaces around a number"),
       case("123456789123", "1", about="a very big number"),
       case("1", "2", about="two small numbers"),
       case("1.5", "2", about="a text with a decimal number"),
       case("ten", "1", about="a number written in words"),
       case("", "4", about="an empty text"))
def add_texts_more(s, a, b):
    "add_texts turns both texts into whole numbers and adds them (the answer is an int)"
    return call(s.add_texts, a, b)


@check(weight=2, visible=False)
@cases(case(0, 0, about="two zeros"),
       case(-1, 5, about="a negative number first"),
       case(7, -2, about="a negative number second"),
       case(100, 1, about="a number that ends with zeros"),
       case(99999999999, 0, about="a very big number"),
       case(1, 2, about="two small numbers"))
def join_numbers_more(s, a, b):
    "join_numbers writes two numbers next to each other as a text"
    return call(s.join_numbers, a, b)


@check(weight=2, visible=False, exact_types=True)
@cases(case("7", about="a whole number without a dot"),
       case("-2.5", about="a negative number with decimals"),
       case("0.999", about="decimals that are almost 1"),
       case("-0.4", about="a number between -1 and 0"),
       case("2.5", about="a number that ends in .5"),
       case("3.5", about="another number that ends in .5"),
       case("1e3", about="a number written the scientific way"),
       case(" 12.0 ", about="spaces around the number"),
       case("abc", about="a text that is not a number"))
def whole_part_more(s, text):
    "whole_part cuts off the decimals and gives an int (it does not round)"
    return call(s.whole_part, text)


@check(weight=2, visible=False)
@cases(case(True, about="a boolean"),
       case(False, about="the other boolean"),
       case(7.0, about="a whole number written with .0"),
       case(-3, about="a negative whole number"),
       case("", about="an empty text"),
       case("True", about="a text that looks like a boolean"),
       case(0, about="zero"),
       case(0.0, about="zero written with .0"),
       case("3.5", about="a text that looks like a decimal number"))
def kind_more(s, value):
    "kind names the type of other values, also of booleans and of texts that look like numbers"
    return call(s.kind, value)


@check(weight=2, visible=False)
@cases(case("", about="an empty text"),
       case(" ", about="a text that is one space"),
       case("False", about="a text that says False"),
       case("0", about="a text that says 0"),
       case(0.0, about="zero written with .0"),
       case(-1, about="a negative number"),
       case(0.001, about="a tiny decimal number"),
       case(True, about="True itself"),
       case(False, about="False itself"),
       case(42, about="a big number"))
def is_truthy_more(s, value):
    "is_truthy says True or False (a real boolean) for texts and numbers"
    return call(s.is_truthy, value)
