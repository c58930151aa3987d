# Uses "w" where "a" is needed and counts characters instead of bytes.
def start_log(path, title):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"== {title} ==\n")


def add_entry(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")


def read_log(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return []


def create_once(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    return True


def size_in_bytes(path):
    with open(path, encoding="utf-8") as f:
        return len(f.read())


def first_bytes(path, n):
    with open(path, encoding="utf-8") as f:
        return f.read(n).encode("utf-8")
