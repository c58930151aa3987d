import os

from labcheck import check, call, type_name, write_file


@check(weight=1)
def example_split_path(s):
    'split_path("music/rock/song.mp3") and split_path("archive.tar.gz"), returning tuples'
    a = call(s.split_path, "music/rock/song.mp3")
    b = call(s.split_path, "archive.tar.gz")
    return [a, b, type_name(a)]


@check(weight=1)
def example_build_and_change(s):
    'build_path("photos/2024", "cat", "jpg"), build_path("", "cat", ".jpg"), change_extension("notes/todo.txt", ".md")'
    return [call(s.build_path, "photos/2024", "cat", "jpg"), call(s.build_path, "", "cat", ".jpg"),
            call(s.change_extension, "notes/todo.txt", ".md")]


@check(weight=1)
def example_parent_folders(s):
    'parent_folders("school/maths/2024/test.txt") and parent_folders("top.txt")'
    return [call(s.parent_folders, "school/maths/2024/test.txt"), call(s.parent_folders, "top.txt")]


@check(weight=1)
def example_what_is(s):
    'what_is(["readme.md", "data", "data/a.txt", "ghost.txt"])'
    write_file("readme.md", "# hi\n")
    write_file("data/a.txt", "a\n")
    return call(s.what_is, ["readme.md", "data", "data/a.txt", "ghost.txt"])


PATHS = ["notes", ".bashrc", "x/.hidden", "docs/README", "my photos/holiday 2024.JPEG",
         "folder.v2/file", "a/b/c/d/e.py", "backup.2024.01.zip", "z/Zoë.txt"]


@check(weight=3, visible=False)
def split_path_more(s):
    "split_path with other paths (no folder, no extension, hidden files, dots in folders)"
    return [[call(s.split_path, p), type_name(call(s.split_path, p))] for p in PATHS]


@check(weight=2, visible=False)
def build_and_change_more(s):
    "build_path and change_extension with other paths"
    built = [call(s.build_path, *a) for a in [("a", "b", "c"), ("", "x", "tar.gz"),
                                               ("deep/er/folder", "Zoë", ".txt"),
                                               ("photos/", "dog", "png"), ("one", "two.three", "four")]]
    changed = [call(s.change_extension, p, e) for p, e in [
        ("notes", ".txt"), (".bashrc", ".bak"), ("archive.tar.gz", ".zip"),
        ("folder.v2/file", ".py"), ("a/b/song.mp3", ".wav"), ("report.txt", ".txt")]]
    return [built, changed]


@check(weight=2, visible=False)
def parent_folders_more(s):
    "parent_folders with other paths (one folder, deep folders, dots and spaces)"
    return [call(s.parent_folders, p) for p in PATHS + ["a/b.txt"]]


@check(weight=2, visible=False)
def what_is_more(s):
    "what_is with empty folders, nested folders, files without extension and missing paths"
    write_file("project/src/main.py", "print('hi')\n")
    write_file("project/LICENSE", "MIT\n")
    os.makedirs("project/empty")
    os.makedirs("project/src/deep/er")
    paths = ["project", "project/src", "project/src/main.py", "project/LICENSE", "project/empty",
             "project/src/deep/er", "project/src/deep/er/x", "project/main.py", "src", "LICENSE"]
    return [call(s.what_is, paths), call(s.what_is, [])]
