from labcheck import check, call, type_name


@check(weight=1)
def example_first_and_last(s):
    'first_and_last(["milk", "bread", "eggs"]) gives a tuple'
    result = call(s.first_and_last, ["milk", "bread", "eggs"])
    return [result, type_name(result)]


@check(weight=1)
def example_middle(s):
    'middle(["milk", "bread", "eggs", "jam"])'
    return call(s.middle, ["milk", "bread", "eggs", "jam"])


@check(weight=1)
def example_every_other(s):
    'every_other(["a", "b", "c", "d", "e"])'
    return call(s.every_other, ["a", "b", "c", "d", "e"])


@check(weight=1)
def example_add_item(s):
    'add_item(shopping, "eggs"), add_item(shopping, "milk"), then shopping itself'
    shopping = ["milk", "bread"]
    return [call(s.add_item, shopping, "eggs"), call(s.add_item, shopping, "milk"), shopping]


LISTS = [["x"], ["a", "b"], ["tea", "cake", "jam"], [1, 2, 3, 4, 5, 6], list("python"),
         [3, 3, 3, 3]]


@check(weight=2, visible=False)
def first_and_last_more(s):
    "first_and_last with other lists (one item, two items, numbers)"
    out = []
    for items in LISTS:
        r = call(s.first_and_last, list(items))
        out.append([r, type_name(r)])
    return out


@check(weight=2, visible=False)
def slices_more(s):
    "middle and every_other with other lists (one item, two items, even and odd lengths)"
    return [[call(s.middle, list(x)), call(s.every_other, list(x))] for x in LISTS + [[]]]


@check(weight=2, visible=False)
def add_item_more(s):
    "add_item with an empty list, numbers, an item already there, and the list afterwards"
    out = []
    for items, item in [([], "a"), ([1, 2], 3), ([1, 2], 2), (["a", "b", "c"], "c"), (["A"], "a")]:
        original = list(items)
        out.append([call(s.add_item, original, item), original])
    return out
