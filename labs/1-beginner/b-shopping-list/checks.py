from labcheck import call, case, case_call, cases, check

# A tuple is compared as a tuple: the list ['milk', 'eggs'] is not the tuple ('milk', 'eggs').

LISTS = [(["x"], "a list with one item"),
         (["a", "b"], "a list with two items"),
         (["tea", "cake", "jam"], "a list with three items"),
         ([1, 2, 3, 4, 5, 6], "a list of numbers with an even length"),
         (list("python"), "a list of letters"),
         ([3, 3, 3, 3], "a list where every item is the same")]


@check(weight=1)
def example_first_and_last(s):
    "first_and_last gives the first and the last item as a tuple"
    return call(s.first_and_last, ["milk", "bread", "eggs"])


@check(weight=1)
def example_middle(s):
    "middle leaves out the first and the last item"
    return call(s.middle, ["milk", "bread", "eggs", "jam"])


@check(weight=1)
def example_every_other(s):
    "every_other takes the 1st, 3rd, 5th... items"
    return call(s.every_other, ["a", "b", "c", "d", "e"])


@check(weight=1)
@cases(1, 2, 3)
def example_add_item(s, step):
    "add_item gives a new list and leaves the shopping list as it was (the README's session)"
    shopping = ["milk", "bread"]
    first = call(s.add_item, shopping, "eggs")
    text = 'shopping = ["milk", "bread"]; add_item(shopping, "eggs")'
    if step == 1:
        case_call(text)
        return first
    second = call(s.add_item, shopping, "milk")
    text += '; add_item(shopping, "milk")'
    if step == 2:
        case_call(text)
        return second
    case_call(text + "; shopping")
    return shopping


@check(weight=2, visible=False)
@cases(*[case(items, about=what) for items, what in LISTS])
def first_and_last_more(s, items):
    "first_and_last gives a tuple of the first and the last item of other lists (also with one item)"
    return call(s.first_and_last, list(items))


@check(weight=2, visible=False)
@cases(*[case(f, items, about=f"{f} of {what}")
         for items, what in LISTS + [([], "an empty list")] for f in ("middle", "every_other")])
def slices_more(s, function, items):
    "middle and every_other with other lists, and the list they are given stays as it was"
    given = list(items)
    result = call(getattr(s, function), given)
    return (result, given)


@check(weight=2, visible=False)
@cases(case([], "a", about="adding to an empty list"),
       case([1, 2], 3, about="adding a number"),
       case([1, 2], 2, about="a number that is already on the list"),
       case(["a", "b", "c"], "c", about="the last item again"),
       case(["A"], "a", about="a small letter when the capital is on the list"))
def add_item_more(s, items, item):
    "add_item adds only new items, and the list it is given stays as it was"
    original = list(items)
    result = call(s.add_item, original, item)
    return (result, original)
