from labcheck import check, cases, case, call, case_call, source_text


@check(weight=1)
@cases([4, 7, -2, 5, -9], [1, 2, 3])
def example_first_negative(s, numbers):
    "first_negative finds the position of the first negative number, or -1"
    return call(s.first_negative, list(numbers))


@check(weight=1)
def example_sum_of_positives(s):
    "sum_of_positives adds up only the numbers greater than 0"
    return call(s.sum_of_positives, [3, -1, 4, 0, -5, 2])


@check(weight=1)
def example_sum_until_zero(s):
    "sum_until_zero stops adding at the first 0"
    return call(s.sum_until_zero, [5, 3, 0, 10, 20])


LISTS = [case([], about="an empty list"), case([0], about="only a zero"),
         case([-1], about="only a negative number"), case([7], about="only a positive number"),
         case([-3, -2, -1], about="only negative numbers"),
         case([1, 0, -1], about="a positive, a zero and a negative number"),
         case([0, 5, 6], about="a zero at the start"),
         case([9, 8, 7, 0], about="a zero at the end"),
         case([2, -2, 2, -2, 0, -7], about="signs that keep changing, then a zero"),
         case([100, 0, 0, -1], about="two zeros"),
         case(list(range(50, -10, -3)), about="a long list")]


@check(weight=2, visible=False)
@cases(*LISTS)
def first_negative_more(s, numbers):
    "first_negative with other lists"
    return call(s.first_negative, list(numbers))


@check(weight=2, visible=False)
@cases(*LISTS)
def sum_of_positives_more(s, numbers):
    "sum_of_positives with other lists"
    return call(s.sum_of_positives, list(numbers))


@check(weight=2, visible=False)
@cases(*LISTS)
def sum_until_zero_more(s, numbers):
    "sum_until_zero with other lists"
    return call(s.sum_until_zero, list(numbers))


@check(weight=1, visible=False)
@cases(case("first_negative", about="first_negative leaves the list as it was"),
       case("sum_of_positives", about="sum_of_positives leaves the list as it was"),
       case("sum_until_zero", about="sum_until_zero leaves the list as it was"))
def lists_are_not_changed(s, name):
    "the functions do not change the list they are given"
    data = [4, 0, -2, 6]
    call(getattr(s, name), data)
    return data


@check(weight=1)
@cases(case("break", about="break stops a loop early"),
       case("continue", about="continue skips to the next round of a loop"))
def uses_break_and_continue(word):
    "your functions use break and continue, as the README asks"
    import ast
    case_call(f"looking for {word} in your code")
    kind = ast.Break if word == "break" else ast.Continue
    return any(isinstance(node, kind) for node in ast.walk(ast.parse(source_text())))
