def get_path(data, path):
    current = data
    for step in path:
        current = current[step]
    return current


def count_leaves(data):
    return len(data)


def set_path(data, path, value):
    return data
