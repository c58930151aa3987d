from labcheck import check, call


def world():
    return {
        "player": {"name": "Kim", "bag": ["map", "key"], "pos": {"x": 3, "y": 7}},
        "levels": [{"name": "Cave", "boss": None}, {"name": "Tower", "boss": "Dragon"}],
    }


@check(weight=1)
def example_get_path(s):
    'get_path(world, ["player", "pos", "y"]) and get_path(world, ["player", "bag", 5])'
    return [call(s.get_path, world(), ["player", "pos", "y"]),
            call(s.get_path, world(), ["player", "bag", 5])]


@check(weight=1)
def example_count_leaves(s):
    "count_leaves(world)"
    return call(s.count_leaves, world())


@check(weight=1)
def example_set_path(s):
    'set_path(world, ["player", "pos", "z"], 0) and set_path({}, ["a", "b", "c"], 1)'
    w = world()
    r = call(s.set_path, w, ["player", "pos", "z"], 0)
    return [r is w, w, call(s.set_path, {}, ["a", "b", "c"], 1)]


@check(weight=3, visible=False)
def get_path_more(s):
    "get_path: empty path, list indexes, negative and too big indexes, steps into a text or None"
    paths = [[], ["levels"], ["levels", 0, "name"], ["levels", 1, "boss"], ["levels", 0, "boss"],
             ["levels", 2], ["levels", -1], ["player", "bag", 1], ["player", "bag", "0"],
             ["player", "name", 0], ["levels", 0, "boss", "x"], ["nobody"], ["player", "pos", "x", 1]]
    out = [call(s.get_path, world(), p) for p in paths]
    out.append(call(s.get_path, [[1, [2, [3]]]], [0, 1, 1, 0]))
    out.append(call(s.get_path, 42, []))
    out.append(call(s.get_path, {1: "one"}, [1]))
    return out


@check(weight=3, visible=False)
def count_leaves_more(s):
    "count_leaves of a single value, empty containers, deep nesting, dict keys not counted"
    cases = [5, None, "text", [], {}, [[], {}], [1, [2, [3, [4, [5]]]]],
             {"a": {"b": {"c": {}}}}, {"k1": 1, "k2": [1, 2, {"k3": "x"}]}, [[[[[[[[[[0]]]]]]]]]]]
    return [call(s.count_leaves, c) for c in cases]


@check(weight=3, visible=False)
def set_path_more(s):
    "set_path: overwrite, one-step path, create several levels, replace a value that is not a dict"
    out = []
    w = world()
    out.append(call(s.set_path, w, ["player", "name"], "Lee"))
    out.append(call(s.set_path, {"a": 1}, ["b"], 2))
    out.append(call(s.set_path, {"a": {"x": 1}}, ["a", "y", "z"], [1, 2]))
    out.append(call(s.set_path, {"a": 5}, ["a", "b"], 6))
    d = {}
    call(s.set_path, d, ["p", "q"], 1)
    call(s.set_path, d, ["p", "r"], 2)
    out.append(d)
    return out
