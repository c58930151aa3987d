# Reads the files as text and turns the text into bytes with encode(): right for plain UTF-8
# text, but text mode changes "\r\n" into "\n" and cannot read bytes that are not text.
def start_log(path, title):
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"== {title} ==\n")


def add_entry(path, text):
    with open(path, "a", encoding="utf-8") as f:
        f.write(text + "\n")


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
    with open(path, encoding="utf-8") as f:
        return len(f.read().encode("utf-8"))


def first_bytes(path, n):
    with open(path, encoding="utf-8") as f:
        return f.read().encode("utf-8")[:n]
