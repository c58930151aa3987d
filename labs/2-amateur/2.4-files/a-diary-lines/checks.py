import os

from labcheck import check, cases, case, case_call, call, write_file, read_file, files_in_workdir


# Visible checks: the examples of README.md.


@check(weight=1)
def example_write_lines(s):
    "write_lines writes each line with a new line at its end"
    case_call('write_lines("diary.txt", ["Dear diary,", "Today I learned files."]); '
              "the text of diary.txt")
    call(s.write_lines, "diary.txt", ["Dear diary,", "Today I learned files."])
    return read_file("diary.txt")


@check(weight=1)
def example_read_lines(s):
    "read_lines gives the lines without their new line"
    write_file("shopping.txt", "milk\neggs\nbread\n")
    return call(s.read_lines, "shopping.txt")


@check(weight=1)
@cases("count_words", "longest_line")
def example_poem(s, fn):
    "count_words and longest_line on the poem of the README"
    write_file("poem.txt", "Roses are red\nViolets are blue\nI love Python\n")
    return call(getattr(s, fn), "poem.txt")


# Hidden checks: other lines and files.


@check(weight=3, visible=False)
@cases(case([], about="an empty list: the file exists but is empty"),
       case(["one"], about="one line"),
       case(["Zoë", "Ångström", "emoji 😀"], about="accents and emoji"),
       case(["  spaces  ", "", "after empty"], about="spaces and an empty line"),
       case(["a"] * 5, about="the same line five times"),
       case([str(n) for n in range(50)], about="fifty lines"),
       case(["first version", "x"], "old stuff that must disappear\n",
            about="the file exists already: its old text must go"),
       case(["second"], "first version\nx\n", about="a long old text and a short new one"))
def write_lines_more(s, lines, old=None):
    "write_lines with other lists, and on files that exist already"
    if os.path.exists("notes.txt"):
        os.remove("notes.txt")
    if old is not None:
        write_file("notes.txt", old)
    call(s.write_lines, "notes.txt", list(lines))
    return [read_file("notes.txt"), files_in_workdir()]


TEXTS = [case("", about="an empty file"),
         case("no newline at the end", about="one line without a new line at its end"),
         case("a\nb", about="the last line has no new line at its end"),
         case("a\n\nb\n", about="an empty line in the middle"),
         case("  spaced  \n\ttab\n", about="spaces and a tab at the start and end of lines"),
         case("Zoë\nÅsa\n", about="accents"),
         case("one two  three\nfour\n\n five six \n", about="several spaces between words"),
         case("\n\n\n", about="only empty lines"),
         case("same\nsize\nfour\n", about="lines that are all equally long")]


@check(weight=2, visible=False)
@cases(*TEXTS)
def read_lines_more(s, text):
    "read_lines with other files (empty, no final new line, empty lines, spaces, accents)"
    write_file("in.txt", text)
    return call(s.read_lines, "in.txt")


@check(weight=2, visible=False)
@cases(*TEXTS, case("short\na much longer line here\nmid line\n",
                    about="the longest line is in the middle"))
def count_and_longest_more(s, text):
    "count_words and longest_line with other files (empty, ties, spaces, tabs)"
    write_file("in.txt", text)
    return {"count_words": call(s.count_words, "in.txt"),
            "longest_line": call(s.longest_line, "in.txt")}
