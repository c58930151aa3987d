import os


def start_log(path, title):
    f = open(path, mode="w", encoding="utf-8")
    print("==", title, "==", file=f)
    f.close()


def add_entry(path, text):
    with open(path, mode="a", encoding="utf-8") as f:
        print(text, file=f)


def read_log(path):
    if not os.path.exists(path):
        return []
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            lines.append(line.rstrip("\n"))
    return lines


def create_once(path, text):
    try:
        f = open(path, mode="x", encoding="utf-8")
    except FileExistsError:
        return False
    f.write(text)
    f.write("\n")
    f.close()
    return True


def size_in_bytes(path):
    return os.path.getsize(path)


def first_bytes(path, n):
    f = open(path, mode="rb")
    data = f.read(n)
    f.close()
    return data
