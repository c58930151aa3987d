def write_lines(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("Dear diary,\nToday I learned files.\n")


def read_lines(path):
    return ["milk", "eggs", "bread"]


def count_words(path):
    return 9


def longest_line(path):
    return "Violets are blue"
