from pathlib import Path


def start_log(path, title):
    Path(path).write_text("== " + title + " ==\n", encoding="utf-8")


def add_entry(path, text):
    with Path(path).open("a", encoding="utf-8") as f:
        f.write(text + "\n")


def read_log(path):
    p = Path(path)
    if not p.is_file():
        return []
    return p.read_text(encoding="utf-8").splitlines()


def create_once(path, text):
    try:
        with Path(path).open("x", encoding="utf-8") as f:
            f.write(text + "\n")
    except FileExistsError:
        return False
    return True


def size_in_bytes(path):
    return len(Path(path).read_bytes())


def first_bytes(path, n):
    return Path(path).read_bytes()[:n]
