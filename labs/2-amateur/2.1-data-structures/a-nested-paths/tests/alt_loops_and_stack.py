def get_path(data, path):
    current = data
    for step in path:
        try:
            if type(current) is dict:
                current = current[step]
            elif type(current) is list and type(step) is int and step >= 0:
                current = current[step]
            else:
                return None
        except (KeyError, IndexError):
            return None
    return current


def count_leaves(data):
    todo = [data]
    leaves = 0
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
        else:
            leaves += 1
    return leaves


def set_path(data, path, value):
    current = data
    for key in path[:-1]:
        nxt = current.get(key)
        if type(nxt) is not dict:
            nxt = {}
            current[key] = nxt
        current = nxt
    current[path[-1]] = value
    return data
