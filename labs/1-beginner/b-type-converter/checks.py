from labcheck import check, call, type_name


@check(weight=1)
def example_add_texts(s):
    'add_texts("12", "30")'
    return call(s.add_texts, "12", "30")


@check(weight=1)
def example_join_numbers(s):
    "join_numbers(12, 30)"
    return call(s.join_numbers, 12, 30)


@check(weight=1)
def example_whole_part(s):
    'whole_part("3.99")'
    return call(s.whole_part, "3.99")


@check(weight=1)
def example_kind(s):
    'kind(7) and kind("7")'
    return [call(s.kind, 7), call(s.kind, "7")]


@check(weight=1)
def example_is_truthy(s):
    'is_truthy("hello") and is_truthy(0)'
    return [call(s.is_truthy, "hello"), call(s.is_truthy, 0)]


@check(weight=2, visible=False)
def add_texts_more(s):
    "add_texts with negatives, zeros, spaces, big numbers, and texts that are not whole numbers"
    cases = [("0", "0"), ("-5", "3"), (" 7 ", "8"), ("123456789123", "1"), ("1.5", "2"),
             ("ten", "1"), ("", "4")]
    results = [call(s.add_texts, a, b) for a, b in cases]
    return [results, type_name(call(s.add_texts, "1", "2"))]


@check(weight=2, visible=False)
def join_numbers_more(s):
    "join_numbers with zeros, negative numbers and big numbers"
    cases = [(0, 0), (-1, 5), (7, -2), (100, 1), (99999999999, 0)]
    results = [call(s.join_numbers, a, b) for a, b in cases]
    return [results, type_name(call(s.join_numbers, 1, 2))]


@check(weight=2, visible=False)
def whole_part_more(s):
    "whole_part with negatives, whole numbers, .5 and texts that are not numbers"
    cases = ["7", "-2.5", "0.999", "-0.4", "2.5", "3.5", "1e3", " 12.0 ", "abc"]
    return [call(s.whole_part, t) for t in cases]


@check(weight=2, visible=False)
def kind_more(s):
    "kind of True, 7.0, empty text, negative numbers..."
    values = [True, False, 7.0, -3, "", "True", 0, 0.0, "3.5"]
    return [call(s.kind, v) for v in values]


@check(weight=2, visible=False)
def is_truthy_more(s):
    "is_truthy of empty and non-empty texts, zero and other numbers (and the type of the answer)"
    values = ["", " ", "False", "0", 0.0, -1, 0.001, True, False, 42]
    results = [call(s.is_truthy, v) for v in values]
    return [results, [type_name(r) for r in results]]
