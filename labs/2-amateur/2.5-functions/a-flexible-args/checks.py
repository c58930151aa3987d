from labcheck import check, call, type_name


@check(weight=1)
def example_total_and_biggest(s):
    'total(1, 2, 3), total() and biggest(4, 9, 2)'
    return [call(s.total, 1, 2, 3), call(s.total), call(s.biggest, 4, 9, 2)]


@check(weight=1)
def example_make_tag(s):
    'make_tag("p", "Hello ", "world", id="intro", title="hi") and make_tag("br")'
    return [call(s.make_tag, "p", "Hello ", "world", id="intro", title="hi"), call(s.make_tag, "br")]


@check(weight=1)
def example_describe_pet(s):
    'describe_pet("Rex", species="dog", age=3) and describe_pet("Tom")'
    return [call(s.describe_pet, "Rex", species="dog", age=3), call(s.describe_pet, "Tom")]


@check(weight=1)
def example_count_arguments(s):
    'count_arguments(1, "a", None, size=2, colour="red")'
    r = call(s.count_arguments, 1, "a", None, size=2, colour="red")
    return [r, type_name(r)]


@check(weight=2, visible=False)
def total_and_biggest_more(s):
    "total and biggest with one value, many values (from a list with *), negatives, floats"
    t = [call(s.total, 5), call(s.total, -1, 1), call(s.total, 0.5, 0.25), call(s.total, *range(101)),
         call(s.total, *[10] * 7)]
    b = [call(s.biggest, 7), call(s.biggest, -5, -2, -9), call(s.biggest, 3, 3), call(s.biggest, 9, 1),
         call(s.biggest, *[4, 8, 15, 16, 23, 42]), call(s.biggest, "pear", "apple", "zoo")]
    return [t, b]


@check(weight=3, visible=False)
def make_tag_more(s):
    "make_tag with only children, only attributes, many of each, numbers as values, ** from a dict"
    return [call(s.make_tag, "b", "bold"), call(s.make_tag, "img", src="cat.png", width=100),
            call(s.make_tag, "ul", "<li>a</li>", "<li>b</li>", "<li>c</li>"),
            call(s.make_tag, "a", "Zoë's page", href="/zoe", target="_blank", rel="x"),
            call(s.make_tag, "div", *["x", "y"], **{"data_z": "1", "a": "2"})]


@check(weight=2, visible=False)
def describe_pet_more(s):
    "describe_pet with one fact, many facts in any order, ** from a dict"
    return [call(s.describe_pet, "Nemo", species="fish"),
            call(s.describe_pet, "Zoë", weight=4.5, colour="black", age=11, name_day="May"),
            call(s.describe_pet, "Bo", **{"z": 1, "a": 2, "m": 3}), call(s.describe_pet, "")]


@check(weight=2, visible=False)
def count_arguments_more(s):
    "count_arguments with no arguments, only keywords, only positional, lists unpacked with *"
    cases = [((), {}), ((1,), {}), ((), {"b": 1, "a": 2}), (tuple(range(50)), {}),
             (([1, 2],), {"x": [3]}), (("a",) * 3, {"z": 0, "y": 0, "x": 0})]
    return [call(s.count_arguments, *a, **k) for a, k in cases]
