def write_lines(path, lines):
    f = open(path, "w", encoding="utf-8")
    f.write("".join(line + "\n" for line in lines))
    f.close()


def read_lines(path):
    result = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            result.append(line.rstrip("\n"))
    return result


def count_words(path):
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            total += len(line.split())
    return total


def longest_line(path):
    lines = read_lines(path)
    if not lines:
        return ""
    return max(lines, key=len)
