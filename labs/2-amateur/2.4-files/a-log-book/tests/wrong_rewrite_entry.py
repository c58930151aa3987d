# add_entry reads the old text and writes everything again with "w" instead of appending with
# "a": the log looks right, but lines written by another program are changed.
def start_log(path, title):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"== {title} ==\n")


def add_entry(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            old = f.read()
    except FileNotFoundError:
        old = ""
    with open(path, "w", encoding="utf-8") as f:
        f.write(old + text + "\n")


def read_log(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return []


def create_once(path, text):
    try:
        with open(path, "x", encoding="utf-8") as f:
            f.write(text + "\n")
        return True
    except FileExistsError:
        return False


def size_in_bytes(path):
    with open(path, "rb") as f:
        return len(f.read())


def first_bytes(path, n):
    with open(path, "rb") as f:
        return f.read(n)
