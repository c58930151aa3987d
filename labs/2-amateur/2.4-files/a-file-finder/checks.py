import os

from labcheck import check, cases, case, call, write_file


def project():
    write_file("project/README.md", "Hello")                          # 5 bytes
    write_file("project/docs/guide.txt", "Read me first please")       # 20 bytes
    write_file("project/src/main.py", "print('hi')\n")                # 12 bytes
    write_file("project/src/utils/helpers.py", "def helper():\n    return 42\n\n\n")  # 30
    write_file("project/src/utils/notes.txt", "to do\n\n")            # 7 bytes


# Visible checks: the examples of README.md.


@check(weight=1)
def example_find_files(s):
    "find_files finds the .txt files in every folder of the project"
    project()
    return call(s.find_files, "project", ".txt")


@check(weight=1)
def example_folder_size(s):
    "folder_size adds up the sizes of all the files of the project"
    project()
    return call(s.folder_size, "project")


@check(weight=1)
def example_count_files(s):
    "count_files counts the files directly inside each folder of the project"
    project()
    return call(s.count_files, "project")


# Hidden checks: a deeper tree with odd names.


def big_tree():
    if os.path.isdir("tree"):
        return
    write_file("tree/a.TXT", "12345")
    write_file("tree/b.txt", "Zoë")                    # 4 bytes
    write_file("tree/c.md", "")
    write_file("tree/.hidden", "secret")
    write_file("tree/x/y/z/deep.txt", "deep down\n")
    write_file("tree/x/y/z/Deep.Py", "pass\n")
    write_file("tree/x/notes.txt.bak", "backup")
    write_file("tree/x/archive.tar.gz", "1234567890" * 10)
    write_file("tree/photos 2024/holiday.txt", "😀😀")   # 8 bytes
    os.makedirs("tree/empty/also empty")
    os.makedirs("tree/x/y/nothing")


@check(weight=3, visible=False)
@cases(case("tree", ".txt", about="capitals in the extension, files at every depth"),
       case("tree", ".py", about="a file whose extension has capitals, deep down"),
       case("tree", ".gz", about="a file with two dots in its name"),
       case("tree", ".bak", about="a backup file that has .txt inside its name"),
       case("tree", ".csv", about="no file matches"),
       case("tree", ".MD", about="the extension asked for has capitals"),
       case("tree/x", ".txt", about="a part of the tree"),
       case("tree/empty", ".txt", about="folders without any file"))
def find_files_more(s, folder, extension):
    "find_files in a deep tree (capitals, double extensions, spaces, no match)"
    big_tree()
    return call(s.find_files, folder, extension)


@check(weight=2, visible=False)
@cases(case("tree", about="the whole tree, with accents and emoji (2-4 bytes each)"),
       case("tree/x", about="a part of the tree"),
       case("tree/x/y", about="a deeper part"),
       case("tree/empty", about="folders without any file"),
       case("tree/photos 2024", about="a folder with a space in its name"))
def folder_size_more(s, folder):
    "folder_size of a deep tree, of parts of it and of empty folders"
    big_tree()
    return call(s.folder_size, folder)


@check(weight=3, visible=False)
@cases(case("tree", about="the whole tree (empty folders, spaces in names)"),
       case("tree/x", about="a part of the tree"),
       case("tree/empty", about="folders without any file"))
def count_files_more(s, folder):
    "count_files of a deep tree and of parts of it"
    big_tree()
    return call(s.count_files, folder)
