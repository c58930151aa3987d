# No "\n" after the last line, strip() removes spaces, appends instead of replacing.
def write_lines(path, lines):
    with open(path, "a", encoding="utf-8") as f:
        f.write("\n".join(lines))


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f]


def count_words(path):
    with open(path, encoding="utf-8") as f:
        return len(f.read().split(" "))


def longest_line(path):
    lines = read_lines(path)
    return max(lines, key=len) if lines else ""
