# Allows negative indexes, counts only one level deep, and does not create missing levels.
def get_path(data, path):
    current = data
    for step in path:
        try:
            current = current[step]
        except (KeyError, IndexError, TypeError):
            return None
    return current


def count_leaves(data):
    items = data.values() if isinstance(data, dict) else data
    if not isinstance(items, (list, type({}.values()))):
        return 1
    return sum(1 for x in items if not isinstance(x, (list, dict))) + \
        sum(len(x) for x in items if isinstance(x, (list, dict)))


def set_path(data, path, value):
    current = data
    for key in path[:-1]:
        current = current.setdefault(key, {})
    current[path[-1]] = value
    return data
