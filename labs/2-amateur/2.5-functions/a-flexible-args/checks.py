from labcheck import case, cases, check, call

# A row of a table is (function name, positional arguments, keyword arguments): the case calls
# that function of the student's file with exactly these arguments, and call() records the call
# text, e.g. make_tag('br').


def run(s, name, args=(), kwargs=None):
    return call(getattr(s, name), *args, **(kwargs or {}))


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
@cases(("total", (1, 2, 3)), ("total", ()), ("biggest", (4, 9, 2)))
def example_total_and_biggest(s, name, args):
    "total adds any number of numbers, biggest finds the biggest (the README's examples)"
    return run(s, name, args)


@check(weight=1)
@cases((("p", "Hello ", "world"), {"id": "intro", "title": "hi"}), (("br",), {}))
def example_make_tag(s, args, kwargs):
    "make_tag builds an HTML tag from children and attributes (the README's examples)"
    return run(s, "make_tag", args, kwargs)


@check(weight=1)
@cases((("Rex",), {"species": "dog", "age": 3}), (("Tom",), {}))
def example_describe_pet(s, args, kwargs):
    "describe_pet lists the facts sorted by name (the README's examples)"
    return run(s, "describe_pet", args, kwargs)


@check(weight=1)
def example_count_arguments(s):
    "count_arguments counts positional arguments and sorts keyword names (the README's example)"
    return call(s.count_arguments, 1, "a", None, size=2, colour="red")


# ---- hidden checks --------------------------------------------------------------------------

@check(weight=2, visible=False)
@cases(case("total", (5,), about="total of one number"),
       case("total", (-1, 1), about="total of numbers that cancel out"),
       case("total", (0.5, 0.25), about="total of floats"),
       case("total", tuple(range(101)), about="total of 101 numbers unpacked with *"),
       case("total", (10,) * 7, about="total of the same number many times"),
       case("biggest", (7,), about="biggest of only one value"),
       case("biggest", (-5, -2, -9), about="biggest of negative numbers"),
       case("biggest", (3, 3), about="biggest of two equal values"),
       case("biggest", (9, 1), about="biggest when the first value is the biggest"),
       case("biggest", (4, 8, 15, 16, 23, 42), about="biggest of many values"),
       case("biggest", ("pear", "apple", "zoo"), about="biggest of strings (alphabetical)"))
def total_and_biggest_more(s, name, args):
    "adding up and finding the biggest with one value, many values, negatives and floats"
    return run(s, name, args)


@check(weight=3, visible=False)
@cases(case(("b", "bold"), {}, about="one child, no attributes"),
       case(("img",), {"src": "cat.png", "width": 100},
            about="only attributes, one of them a number"),
       case(("ul", "<li>a</li>", "<li>b</li>", "<li>c</li>"), {}, about="many children"),
       case(("a", "Zoë's page"), {"href": "/zoe", "target": "_blank", "rel": "x"},
            about="three attributes kept in the order they were given"),
       case(("div", "x", "y"), {"data_z": "1", "a": "2"},
            about="attributes from a dictionary with **, not in alphabetical order"))
def make_tag_more(s, args, kwargs):
    "HTML tags with only children, only attributes, or many of each"
    return run(s, "make_tag", args, kwargs)


@check(weight=2, visible=False)
@cases(case(("Nemo",), {"species": "fish"}, about="one fact"),
       case(("Zoë",), {"weight": 4.5, "colour": "black", "age": 11, "name_day": "May"},
            about="many facts given in another order"),
       case(("Bo",), {"z": 1, "a": 2, "m": 3}, about="facts from a dictionary with **"),
       case(("",), {}, about="an empty name and no facts"))
def describe_pet_more(s, args, kwargs):
    "pet descriptions with one fact, many facts in any order, or no facts"
    return run(s, "describe_pet", args, kwargs)


@check(weight=2, visible=False)
@cases(case((), {}, about="no arguments at all"),
       case((1,), {}, about="one positional argument"),
       case((), {"b": 1, "a": 2}, about="only keyword arguments"),
       case(tuple(range(50)), {}, about="50 positional arguments"),
       case(([1, 2],), {"x": [3]}, about="lists as values"),
       case(("a", "a", "a"), {"z": 0, "y": 0, "x": 0}, about="names given in reverse order"))
def count_arguments_more(s, args, kwargs):
    "counting arguments when there are none, only keywords or only positional ones"
    return run(s, "count_arguments", args, kwargs)
