from labcheck import call, case, cases, check

# Sets are compared as sets: a sorted list [1, 2, 3, 5] is not the set {1, 2, 3, 5}, so the
# checks do not need to look at the type separately.

MINE, YOURS = {1, 2, 5}, {2, 3}
OPERATIONS = ["all_stickers", "both_have", "can_give", "only_one_has"]
PAIRS = [(set(), set(), "two empty collections"),
         ({1}, set(), "your friend has no stickers"),
         (set(), {9}, "you have no stickers"),
         ({1, 2, 3}, {1, 2, 3}, "the same stickers"),
         ({1, 2}, {3, 4}, "nothing in common"),
         ({10, 20, 30, 40}, {30, 40, 50}, "some stickers in common"),
         (set(range(1, 50, 2)), set(range(1, 50, 3)), "big collections")]


@check(weight=1)
@cases("all_stickers", "both_have")
def example_all_and_both(s, function):
    "all_stickers and both_have with the README's collections, as sets"
    return call(getattr(s, function), set(MINE), set(YOURS))


@check(weight=1)
@cases("can_give", "only_one_has")
def example_give_and_only_one(s, function):
    "can_give and only_one_has with the README's collections, as sets"
    return call(getattr(s, function), set(MINE), set(YOURS))


@check(weight=1)
@cases(("missing", set(MINE), 6), ("different_count", [4, 4, 7, 1, 7, 4]))
def example_missing_and_count(s, function, *args):
    "missing finds the numbers not in the album yet, different_count counts different stickers"
    return call(getattr(s, function), *args)


@check(weight=3, visible=False)
@cases(*[case(f, a, b, about=f"{f}: {what}") for a, b, what in PAIRS for f in OPERATIONS])
def operations_more(s, function, mine, yours):
    "all_stickers, both_have, can_give and only_one_has give the right set, also for empty and equal collections"
    return call(getattr(s, function), set(mine), set(yours))


@check(weight=2, visible=False)
@cases(case({1, 2, 3}, 3, about="a full album"),
       case(set(), 4, about="no stickers yet"),
       case({2, 4, 99}, 5, about="a sticker with a number bigger than the album"),
       case(set(range(1, 101)) - {50}, 100, about="a big album with one sticker missing"),
       case({1}, 0, about="an album with no places"))
def missing_more(s, mine, album_size):
    "missing gives the album numbers you do not have yet, also for a full or an empty album"
    return call(s.missing, set(mine), album_size)


@check(weight=2, visible=False)
@cases(case([], about="an empty pile"),
       case([8], about="one sticker"),
       case([3, 3, 3, 3], about="the same sticker many times"),
       case(list(range(20)), about="all stickers different"),
       case([1, 2, 1, 2, 3, 1, 2, 3, 4], about="a mixed pile"))
def different_count_more(s, pile):
    "different_count counts each sticker number only once"
    return call(s.different_count, list(pile))


@check(weight=1, visible=False)
@cases(*[case(f, about=f"{f} leaves both sets as they were") for f in OPERATIONS],
       case("missing", about="missing leaves your set as it was"))
def sets_are_not_changed(s, function):
    "The functions do not change the sets they are given"
    mine, yours = set(MINE), set(YOURS)
    if function == "missing":
        call(s.missing, mine, 6)
    else:
        call(getattr(s, function), mine, yours)
    return (mine, yours)
