from labcheck import check, call, type_name

MINE, YOURS = {1, 2, 5}, {2, 3}


def with_type(value):
    return [value, type_name(value)]


@check(weight=1)
def example_all_and_both(s):
    "all_stickers and both_have with {1, 2, 5} and {2, 3}"
    return [with_type(call(s.all_stickers, set(MINE), set(YOURS))),
            with_type(call(s.both_have, set(MINE), set(YOURS)))]


@check(weight=1)
def example_give_and_only_one(s):
    "can_give and only_one_has with {1, 2, 5} and {2, 3}"
    return [with_type(call(s.can_give, set(MINE), set(YOURS))),
            with_type(call(s.only_one_has, set(MINE), set(YOURS)))]


@check(weight=1)
def example_missing_and_count(s):
    "missing({1, 2, 5}, 6) and different_count([4, 4, 7, 1, 7, 4])"
    return [with_type(call(s.missing, set(MINE), 6)), call(s.different_count, [4, 4, 7, 1, 7, 4])]


PAIRS = [(set(), set()), ({1}, set()), (set(), {9}), ({1, 2, 3}, {1, 2, 3}), ({1, 2}, {3, 4}),
         ({10, 20, 30, 40}, {30, 40, 50}), (set(range(1, 50, 2)), set(range(1, 50, 3)))]


@check(weight=3, visible=False)
def operations_more(s):
    "all four set operations with empty sets, equal sets and sets with nothing in common"
    out = []
    for a, b in PAIRS:
        out.append([call(s.all_stickers, set(a), set(b)), call(s.both_have, set(a), set(b)),
                    call(s.can_give, set(a), set(b)), call(s.only_one_has, set(a), set(b))])
    kinds = sorted(set(type_name(call(f, {1, 2}, {2, 3})) for f in
                       (s.all_stickers, s.both_have, s.can_give, s.only_one_has)))
    return [out, kinds]


@check(weight=2, visible=False)
def missing_more(s):
    "missing with a full album, an empty album, stickers bigger than the album"
    cases = [({1, 2, 3}, 3), (set(), 4), ({2, 4, 99}, 5), (set(range(1, 101)) - {50}, 100), ({1}, 0)]
    return [with_type(call(s.missing, set(m), n)) for m, n in cases]


@check(weight=2, visible=False)
def different_count_more(s):
    "different_count with an empty pile, one sticker, all equal, all different"
    piles = [[], [8], [3, 3, 3, 3], list(range(20)), [1, 2, 1, 2, 3, 1, 2, 3, 4]]
    return [call(s.different_count, list(p)) for p in piles]


@check(weight=1, visible=False)
def sets_are_not_changed(s):
    "The functions do not change the sets they are given"
    mine, yours = {1, 2, 5}, {2, 3}
    for f in (s.all_stickers, s.both_have, s.can_give, s.only_one_has):
        call(f, mine, yours)
    call(s.missing, mine, 6)
    return [mine, yours]
