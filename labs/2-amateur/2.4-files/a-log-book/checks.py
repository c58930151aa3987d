from labcheck import check, call, write_file, read_file, files_in_workdir


@check(weight=1)
def example_camp_log(s):
    'start_log("log.txt", "Camp"), add_entry twice, then the file and read_log("log.txt")'
    call(s.start_log, "log.txt", "Camp")
    call(s.add_entry, "log.txt", "Built a tent")
    call(s.add_entry, "log.txt", "Saw a fox")
    return [read_file("log.txt"), call(s.read_log, "log.txt")]


@check(weight=1)
def example_missing_log(s):
    'read_log("missing.txt") when there is no such file'
    return [call(s.read_log, "missing.txt"), files_in_workdir()]


@check(weight=1)
def example_create_once(s):
    'create_once("rules.txt", "Be kind"), then create_once("rules.txt", "No rules!")'
    return [call(s.create_once, "rules.txt", "Be kind"),
            call(s.create_once, "rules.txt", "No rules!"), read_file("rules.txt")]


@check(weight=1)
def example_size_in_bytes(s):
    'size_in_bytes("tiny.txt") when the file contains "Zoë"'
    write_file("tiny.txt", "Zoë")
    return call(s.size_in_bytes, "tiny.txt")


@check(weight=3, visible=False)
def append_and_overwrite(s):
    "add_entry on a new file, many entries, then start_log again (the old lines must go)"
    seen = []
    call(s.add_entry, "trip.txt", "Day 1: rain")
    seen.append(read_file("trip.txt"))
    for i in range(2, 6):
        call(s.add_entry, "trip.txt", f"Day {i}: sun")
    seen.append(read_file("trip.txt"))
    call(s.start_log, "trip.txt", "Second week")
    seen.append(read_file("trip.txt"))
    call(s.add_entry, "trip.txt", "Zoë joined")
    call(s.add_entry, "trip.txt", "")
    seen.append(read_file("trip.txt"))
    seen.append(call(s.read_log, "trip.txt"))
    write_file("old.txt", "line one\nline two\n")
    call(s.add_entry, "old.txt", "line three")
    seen.append(read_file("old.txt"))
    return [seen, files_in_workdir()]


@check(weight=2, visible=False)
def two_logs_are_separate(s):
    "two log files at the same time, and read_log on files that exist or not"
    call(s.start_log, "a.txt", "A")
    call(s.start_log, "b.txt", "B")
    call(s.add_entry, "a.txt", "for a")
    call(s.add_entry, "b.txt", "for b")
    call(s.add_entry, "a.txt", "again a")
    return [call(s.read_log, "a.txt"), call(s.read_log, "b.txt"), call(s.read_log, "c.txt"),
            files_in_workdir()]


@check(weight=2, visible=False)
def create_once_more(s):
    "create_once on files that exist already (created by someone else) and new ones"
    write_file("taken.txt", "do not touch\n")
    r = [call(s.create_once, "taken.txt", "oops"), call(s.create_once, "new.txt", "fresh"),
         call(s.create_once, "new.txt", "again"), call(s.create_once, "other.txt", "Åsa")]
    return [r, read_file("taken.txt"), read_file("new.txt"), read_file("other.txt")]


@check(weight=2, visible=False)
def size_in_bytes_more(s):
    "size_in_bytes of other files (empty, new lines, accents, emoji)"
    texts = ["", "abc", "a\nb\n", "é", "😀", "Ångström 😀\n", "x" * 1000]
    out = []
    for i, t in enumerate(texts):
        write_file(f"f{i}.txt", t)
        out.append(call(s.size_in_bytes, f"f{i}.txt"))
    return out
