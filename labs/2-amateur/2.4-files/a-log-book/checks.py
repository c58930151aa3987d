import ast
import os

from labcheck import (check, cases, case, case_call, call, write_file, read_file,
                      files_in_workdir, source_text)


def write_bytes(path, data):
    """Create a file with exactly these bytes (text is written as UTF-8, without changes)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)


def raw_text(path):
    """The file's exact text: "\\r\\n" stays "\\r\\n" (None if there is no such file)."""
    return read_file(path)


def remove(*paths):
    for p in paths:
        if os.path.exists(p):
            os.remove(p)


def modes_in_code():
    """The file modes the student's code uses: the mode texts of its open(...) calls (without
    "t" and "+"), and "rb" for Path.read_bytes()."""
    try:
        tree = ast.parse(source_text())
    except SyntaxError:
        return set()
    modes = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr == "read_bytes":
            modes.add("rb")
        if not ((isinstance(f, ast.Name) and f.id == "open")
                or (isinstance(f, ast.Attribute) and f.attr == "open")):
            continue
        texts = list(node.args[:2]) + [k.value for k in node.keywords if k.arg == "mode"]
        for t in texts:
            if (isinstance(t, ast.Constant) and isinstance(t.value, str) and t.value
                    and set(t.value) <= set("rwaxbt+")):
                modes.add("".join(sorted(t.value.replace("t", "").replace("+", ""),
                                         key="rwaxb".index)))
    return modes


# Visible checks: the examples of README.md, and the modes the README asks for.


@check(weight=2)
@cases(case("file", about="the text of log.txt"), case("read_log", about="what read_log gives"),
       case("missing", about="read_log on a file that does not exist"))
def example_camp_log(s, what):
    "start_log and add_entry write the camp log; read_log reads it back, or gives []"
    remove("log.txt")
    if what == "missing":
        case_call('read_log("missing.txt"); the files in the folder')
        return [call(s.read_log, "missing.txt"), files_in_workdir()]
    steps = 'start_log("log.txt", "Camp"); add_entry("log.txt", "Built a tent"); ' \
            'add_entry("log.txt", "Saw a fox"); '
    call(s.start_log, "log.txt", "Camp")
    call(s.add_entry, "log.txt", "Built a tent")
    call(s.add_entry, "log.txt", "Saw a fox")
    if what == "file":
        case_call(steps + "the text of log.txt")
        return raw_text("log.txt")
    case_call(steps + 'read_log("log.txt")')
    return call(s.read_log, "log.txt")


@check(weight=1)
@cases(case(1, about="the first time"), case(2, about="the second time"))
def example_create_once(s, times):
    "create_once creates rules.txt the first time and leaves it alone the second time"
    remove("rules.txt")
    texts = ['create_once("rules.txt", "Be kind")', 'create_once("rules.txt", "No rules!")']
    case_call("; ".join(texts[:times]) + "; the text of rules.txt")
    r = call(s.create_once, "rules.txt", "Be kind")
    if times == 2:
        r = call(s.create_once, "rules.txt", "No rules!")
    return [r, raw_text("rules.txt")]


@check(weight=1)
@cases(("size_in_bytes", ()), ("first_bytes", (3,)))
def example_bytes(s, fn, more):
    "size_in_bytes and first_bytes count and read bytes, not letters"
    write_bytes("tiny.txt", "Zoë")
    return call(getattr(s, fn), "tiny.txt", *more)


@check(weight=1)
@cases(case("a", about='the code opens a file with mode "a"'),
       case("x", about='the code opens a file with mode "x"'),
       case("rb", about='the code opens a file with mode "rb"'))
def uses_the_modes(s, mode):
    "uses the file modes the README asks for"
    case_call(f'your code has open(..., "{mode}")')
    return mode in modes_in_code()


# Hidden checks.


def new_file_one_entry(s):
    call(s.add_entry, "trip.txt", "Day 1: rain")
    return raw_text("trip.txt")


def many_entries(s):
    for i in range(1, 6):
        call(s.add_entry, "trip.txt", f"Day {i}: sun")
    return raw_text("trip.txt")


def start_again(s):
    for i in range(1, 4):
        call(s.add_entry, "trip.txt", f"Day {i}: sun")
    call(s.start_log, "trip.txt", "Second week")
    return raw_text("trip.txt")


def after_start_again(s):
    call(s.start_log, "trip.txt", "First week")
    call(s.add_entry, "trip.txt", "Day 1: sun")
    call(s.start_log, "trip.txt", "Second week")
    call(s.add_entry, "trip.txt", "Zoë joined")
    call(s.add_entry, "trip.txt", "")
    return [raw_text("trip.txt"), call(s.read_log, "trip.txt"), files_in_workdir()]


def old_file(s):
    write_file("trip.txt", "line one\nline two\n")
    call(s.add_entry, "trip.txt", "line three")
    return raw_text("trip.txt")


def old_file_windows(s):
    # Lines written on Windows end with "\r\n".  Appending keeps them as they are; reading the
    # file as text and writing everything again turns them into "\n".
    write_file("trip.txt", "line one\r\nline two\r\n")
    call(s.add_entry, "trip.txt", "line three")
    text = raw_text("trip.txt")
    return text if text is None else text[:len("line one\r\nline two\r\n")]


def two_logs(s):
    call(s.start_log, "a.txt", "A")
    call(s.start_log, "b.txt", "B")
    call(s.add_entry, "a.txt", "for a")
    call(s.add_entry, "b.txt", "for b")
    call(s.add_entry, "a.txt", "again a")
    return [call(s.read_log, "a.txt"), call(s.read_log, "b.txt"), call(s.read_log, "c.txt"),
            files_in_workdir()]


@check(weight=3, visible=False)
@cases(case(new_file_one_entry, about="add_entry on a file that does not exist yet"),
       case(many_entries, about="many entries one after the other"),
       case(start_again, about="start_log on a log that has entries"),
       case(after_start_again, about="entries after a new start, one with an accent, one empty"),
       case(old_file, about="add_entry on a file written by another program"),
       case(old_file_windows, about="the lines already in the file stay exactly as they were"),
       case(two_logs, about="two logs at the same time, and a log that does not exist"))
def append_and_overwrite(s, scenario):
    "add_entry keeps what is there, start_log starts again, read_log reads it all"
    remove("trip.txt", "a.txt", "b.txt")
    return scenario(s)


@check(weight=2, visible=False)
@cases(case([("taken.txt", "oops")], about="a file that someone else created"),
       case([("new.txt", "fresh")], about="a new file"),
       case([("new.txt", "fresh"), ("new.txt", "again")], about="the same new file twice"),
       case([("other.txt", "Åsa")], about="a text with an accent"),
       case([("a.txt", ""), ("a.txt", "x"), ("b.txt", "y")], about="an empty text, then more files"))
def create_once_more(s, calls):
    "create_once on files that exist already and on new ones"
    remove("new.txt", "other.txt", "a.txt", "b.txt")
    write_file("taken.txt", "do not touch\n")
    got = [call(s.create_once, p, t) for p, t in calls]
    return [got, {p: raw_text(p) for p, _ in calls}]


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"

SIZES = [("", "an empty file"), ("abc", "three plain letters"), ("a\nb\n", "new lines"),
         ("é", "one letter with an accent"), ("😀", "an emoji"),
         ("Ångström 😀\n", "accents and an emoji"), ("x" * 1000, "a long file"),
         ("a\r\nb\r\n", "Windows line endings"),
         (PNG, "the start of a picture: these bytes are not text")]
FIRST = [("abc", 10, "asking for more bytes than the file has"), ("", 5, "an empty file"),
         ("hello", 0, "zero bytes"), ("😀!", 2, "half of an emoji"),
         ("a\r\nb\r\n", 4, "Windows line endings"),
         (PNG, 8, "the start of a picture: these bytes are not text"), ("Ångström", 5, "accents")]


@check(weight=4, visible=False)
@cases(*[case("size_in_bytes", d, about="size_in_bytes: " + a) for d, a in SIZES],
       *[case("first_bytes", d, n, about="first_bytes: " + a) for d, n, a in FIRST])
def bytes_more(s, fn, data, *n):
    "size_in_bytes and first_bytes on other files: bytes exactly as they are in the file"
    write_bytes("f.bin", data)
    return call(getattr(s, fn), "f.bin", *n)
