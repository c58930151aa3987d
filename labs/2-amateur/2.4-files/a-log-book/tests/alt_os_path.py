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
    if os.path.exists(path):
        return False
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    return True


def size_in_bytes(path):
    return os.path.getsize(path)
