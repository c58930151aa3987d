def write_lines(path, lines):
    # open the file with "w" and write every line followed by "\n"
    pass


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.readlines()


def count_words(path):
    return 0


def longest_line(path):
    return ""
