def get_path(data, path):
    current = data
    for step in path:
        if isinstance(current, dict):
            if step not in current:
                return None
            current = current[step]
        elif isinstance(current, list):
            if not isinstance(step, int) or step < 0 or step >= len(current):
                return None
            current = current[step]
        else:
            return None
    return current


def count_leaves(data):
    if isinstance(data, dict):
        return sum(count_leaves(v) for v in data.values())
    if isinstance(data, list):
        return sum(count_leaves(v) for v in data)
    return 1


def set_path(data, path, value):
    current = data
    for key in path[:-1]:
        if not isinstance(current.get(key), dict):
            current[key] = {}
        current = current[key]
    current[path[-1]] = value
    return data
