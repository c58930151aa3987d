import os

from labcheck import check, cases, case, call, write_file


# Visible checks: the examples of README.md.


@check(weight=1)
@cases("music/rock/song.mp3", "archive.tar.gz")
def example_split_path(s, path):
    "split_path gives the tuple (folder, name, extension)"
    return call(s.split_path, path)


@check(weight=1)
@cases(("build_path", ("photos/2024", "cat", "jpg")), ("build_path", ("", "cat", ".jpg")),
       ("change_extension", ("notes/todo.txt", ".md")))
def example_build_and_change(s, fn, args):
    "build_path puts a path together, change_extension swaps the extension"
    return call(getattr(s, fn), *args)


@check(weight=1)
@cases("school/maths/2024/test.txt", "top.txt")
def example_parent_folders(s, path):
    "parent_folders lists the folders around a file, from the outside in"
    return call(s.parent_folders, path)


@check(weight=1)
def example_what_is(s):
    "what_is tells files, folders and missing paths apart"
    write_file("readme.md", "# hi\n")
    write_file("data/a.txt", "a\n")
    return call(s.what_is, ["readme.md", "data", "data/a.txt", "ghost.txt"])


# Hidden checks: other paths.

PATHS = [case("notes", about="no folder and no extension"),
         case(".bashrc", about="a name that starts with a dot"),
         case("x/.hidden", about="a name that starts with a dot, in a folder"),
         case("docs/README", about="a folder, but no extension"),
         case("my photos/holiday 2024.JPEG", about="spaces and capitals"),
         case("folder.v2/file", about="a dot in the folder's name, none in the file's"),
         case("a/b/c/d/e.py", about="many folders"),
         case("backup.2024.01.zip", about="many dots in the name"),
         case("z/Zoë.txt", about="an accent")]


@check(weight=3, visible=False)
@cases(*PATHS)
def split_path_more(s, path):
    "split_path with other paths (no folder, no extension, hidden files, dots in folders)"
    return call(s.split_path, path)


@check(weight=2, visible=False)
@cases(case("build_path", ("a", "b", "c"), about="one letter each"),
       case("build_path", ("", "x", "tar.gz"), about="an extension with a dot inside"),
       case("build_path", ("deep/er/folder", "Zoë", ".txt"), about="a deep folder and an accent"),
       case("build_path", ("photos/", "dog", "png"), about="a folder that ends with /"),
       case("build_path", ("one", "two.three", "four"), about="a name with a dot"),
       case("change_extension", ("notes", ".txt"), about="a file without an extension"),
       case("change_extension", (".bashrc", ".bak"), about="a name that starts with a dot"),
       case("change_extension", ("archive.tar.gz", ".zip"), about="two extensions"),
       case("change_extension", ("folder.v2/file", ".py"), about="a dot only in the folder"),
       case("change_extension", ("a/b/song.mp3", ".wav"), about="a file in folders"),
       case("change_extension", ("report.txt", ".txt"), about="the same extension again"))
def build_and_change_more(s, fn, args):
    "build_path and change_extension with other paths"
    return call(getattr(s, fn), *args)


@check(weight=2, visible=False)
@cases(*PATHS, case("a/b.txt", about="one folder"))
def parent_folders_more(s, path):
    "parent_folders with other paths (one folder, deep folders, dots and spaces)"
    return call(s.parent_folders, path)


@check(weight=2, visible=False)
@cases(case(["project", "project/src", "project/src/main.py", "project/LICENSE", "project/empty",
             "project/src/deep/er", "project/src/deep/er/x", "project/main.py", "src", "LICENSE"],
            about="empty folders, nested folders, a file without extension, missing paths"),
       case([], about="an empty list"),
       case(["project/src/main.py/x", "project/./src", "project/empty/"],
            about="odd ways to write a path"))
def what_is_more(s, paths):
    "what_is with empty folders, nested folders, files without extension and missing paths"
    if not os.path.isdir("project"):
        write_file("project/src/main.py", "print('hi')\n")
        write_file("project/LICENSE", "MIT\n")
        os.makedirs("project/empty")
        os.makedirs("project/src/deep/er")
    return call(s.what_is, paths)
