def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def count_words(path):
    with open(path, encoding="utf-8") as f:
        return len(f.read().split())


def longest_line(path):
    best = ""
    for line in read_lines(path):
        if len(line) > len(best):
            best = line
    return best
