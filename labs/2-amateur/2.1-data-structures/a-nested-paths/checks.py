from labcheck import case, case_call, cases, check, call


def world():
    return {
        "player": {"name": "Kim", "bag": ["map", "key"], "pos": {"x": 3, "y": 7}},
        "levels": [{"name": "Cave", "boss": None}, {"name": "Tower", "boss": "Dragon"}],
    }


def step(value, key):
    """value[key] for the observation, or None when the student's result does not have it."""
    try:
        return value[key]
    except Exception:
        return None


# ---- visible checks: the examples of README.md -------------------------------------------------


@check(weight=1)
@cases(["player", "pos", "y"], ["player", "bag", 5])
def example_get_path(s, path):
    "get_path follows a path in world, or gives None when a step is impossible"
    case_call(f"get_path(world, {path!r})")
    return call(s.get_path, world(), path)


@check(weight=1)
def example_count_leaves(s):
    "count_leaves counts the 9 leaves of world"
    case_call("count_leaves(world)")
    return call(s.count_leaves, world())


@check(weight=1)
@cases("world", "empty")
def example_set_path(s, which):
    "set_path puts a value at the end of a path, creating the missing dictionaries"
    if which == "world":
        case_call("set_path(world, ['player', 'pos', 'z'], 0)['player']['pos']")
        return step(step(call(s.set_path, world(), ["player", "pos", "z"], 0), "player"), "pos")
    return call(s.set_path, {}, ["a", "b", "c"], 1)


# ---- hidden checks: other paths and data -------------------------------------------------------


@check(weight=3, visible=False)
@cases(case(world(), [], about="an empty path"), (world(), ["levels"]),
       (world(), ["levels", 0, "name"]), (world(), ["levels", 1, "boss"]),
       case(world(), ["levels", 0, "boss"], about="a path that ends at a value None"),
       case(world(), ["levels", 2], about="a list index that is too big"),
       case(world(), ["levels", -1], about="a negative list index"),
       (world(), ["player", "bag", 1]),
       case(world(), ["player", "bag", "0"], about="a text used as a list index"),
       case(world(), ["player", "name", 0], about="a step into a text"),
       case(world(), ["levels", 0, "boss", "x"], about="a step into None"),
       case(world(), ["nobody"], about="a key that is missing"),
       case(world(), ["player", "pos", "x", 1], about="a step into a number"),
       case([[1, [2, [3]]]], [0, 1, 1, 0], about="lists inside lists"),
       case(42, [], about="an empty path into a plain number"),
       case({1: "one"}, [1], about="a number used as a dictionary key"))
def get_path_more(s, data, path):
    "get_path follows other paths, or gives None when a step is impossible"
    return call(s.get_path, data, path)


@check(weight=3, visible=False)
@cases(case(5, about="a single number"), case(None, about="None alone"),
       case("text", about="a text alone"), case([], about="an empty list"),
       case({}, about="an empty dictionary"), case([[], {}], about="only empty containers"),
       case([1, [2, [3, [4, [5]]]]], about="deep nesting"),
       case({"a": {"b": {"c": {}}}}, about="dictionaries in dictionaries, no leaf"),
       case({"k1": 1, "k2": [1, 2, {"k3": "x"}]}, about="keys are not leaves"),
       case([[[[[[[[[[0]]]]]]]]]], about="one leaf, very deep"))
def count_leaves_more(s, data):
    "count_leaves counts the leaves of other data, at any depth"
    return call(s.count_leaves, data)


@check(weight=3, visible=False)
@cases(case("overwrite", about="a value that is already there"),
       case("one_step", about="a path of one step"),
       case("levels", about="several missing levels below an existing one"),
       case("replace", about="a value along the way that is not a dictionary"),
       case("twice", about="two paths that share their start"),
       case("same", about="what is returned is data itself"))
def set_path_more(s, how):
    "set_path puts values at the end of other paths, inside data"
    if how == "overwrite":
        return call(s.set_path, world(), ["player", "name"], "Lee")
    if how == "one_step":
        return call(s.set_path, {"a": 1}, ["b"], 2)
    if how == "levels":
        return call(s.set_path, {"a": {"x": 1}}, ["a", "y", "z"], [1, 2])
    if how == "replace":
        return call(s.set_path, {"a": 5}, ["a", "b"], 6)
    d = {}
    if how == "twice":
        call(s.set_path, d, ["p", "q"], 1)
        call(s.set_path, d, ["p", "r"], 2)
        case_call("d = {}; set_path(d, ['p', 'q'], 1); set_path(d, ['p', 'r'], 2); d")
        return d
    case_call("d = {}; set_path(d, ['k'], 1) is d; d")
    return [call(s.set_path, d, ["k"], 1) is d, d]
