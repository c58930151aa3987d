from labcheck import check, call, write_file, read_file, files_in_workdir


@check(weight=1)
def example_write_lines(s):
    'write_lines("diary.txt", ["Dear diary,", "Today I learned files."]), then the file'
    r = call(s.write_lines, "diary.txt", ["Dear diary,", "Today I learned files."])
    return [r, read_file("diary.txt"), files_in_workdir()]


@check(weight=1)
def example_read_lines(s):
    'read_lines("shopping.txt") when the file contains "milk\\neggs\\nbread\\n"'
    write_file("shopping.txt", "milk\neggs\nbread\n")
    return call(s.read_lines, "shopping.txt")


@check(weight=1)
def example_poem(s):
    'count_words("poem.txt") and longest_line("poem.txt")'
    write_file("poem.txt", "Roses are red\nViolets are blue\nI love Python\n")
    return [call(s.count_words, "poem.txt"), call(s.longest_line, "poem.txt")]


LISTS = [[], ["one"], ["Zoë", "Ångström", "emoji 😀"], ["  spaces  ", "", "after empty"],
         ["a"] * 5, [str(n) for n in range(50)]]


@check(weight=2, visible=False)
def write_lines_more(s):
    "write_lines with other lists (empty, one line, accents, spaces, empty lines, long files)"
    out = []
    for i, lines in enumerate(LISTS):
        name = f"file{i}.txt"
        out.append([call(s.write_lines, name, list(lines)), read_file(name)])
    return [out, files_in_workdir()]


@check(weight=2, visible=False)
def write_lines_replaces(s):
    "write_lines twice into the same file (the old content must go)"
    write_file("notes.txt", "old stuff that must disappear\n")
    call(s.write_lines, "notes.txt", ["first version", "x"])
    first = read_file("notes.txt")
    call(s.write_lines, "notes.txt", ["second"])
    return [first, read_file("notes.txt")]


TEXTS = ["", "no newline at the end", "a\nb", "a\n\nb\n", "  spaced  \n\ttab\n", "Zoë\nÅsa\n",
         "one two  three\nfour\n\n five six \n", "\n\n\n", "same\nsize\nfour\n"]


@check(weight=2, visible=False)
def read_lines_more(s):
    "read_lines with other files (empty, no final new line, empty lines, spaces, accents)"
    out = []
    for i, t in enumerate(TEXTS):
        write_file(f"in{i}.txt", t)
        out.append(call(s.read_lines, f"in{i}.txt"))
    return out


@check(weight=2, visible=False)
def count_and_longest_more(s):
    "count_words and longest_line with other files (empty, ties, spaces, tabs)"
    out = []
    for i, t in enumerate(TEXTS + ["short\na much longer line here\nmid line\n"]):
        write_file(f"in{i}.txt", t)
        out.append([call(s.count_words, f"in{i}.txt"), call(s.longest_line, f"in{i}.txt")])
    return out
