import os

from labcheck import check, call, write_file


def project():
    write_file("project/README.md", "Hello")                          # 5 bytes
    write_file("project/docs/guide.txt", "Read me first please")       # 20 bytes
    write_file("project/src/main.py", "print('hi')\n")                # 12 bytes
    write_file("project/src/utils/helpers.py", "def helper():\n    return 42\n\n\n")  # 30
    write_file("project/src/utils/notes.txt", "to do\n\n")            # 7 bytes


@check(weight=1)
def example_find_files(s):
    'find_files("project", ".txt")'
    project()
    return call(s.find_files, "project", ".txt")


@check(weight=1)
def example_folder_size(s):
    'folder_size("project")'
    project()
    return call(s.folder_size, "project")


@check(weight=1)
def example_count_files(s):
    'count_files("project")'
    project()
    return call(s.count_files, "project")


def big_tree():
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
def find_files_more(s):
    "find_files in a deep tree (capitals, double extensions, spaces, no match)"
    big_tree()
    return [call(s.find_files, "tree", e) for e in [".txt", ".py", ".gz", ".bak", ".csv", ".MD"]] + [
        call(s.find_files, "tree/x", ".txt"), call(s.find_files, "tree/empty", ".txt")]


@check(weight=2, visible=False)
def folder_size_more(s):
    "folder_size of a deep tree, a part of it, and empty folders (accents and emoji are 2-4 bytes)"
    big_tree()
    return [call(s.folder_size, f) for f in ["tree", "tree/x", "tree/x/y", "tree/empty",
                                              "tree/photos 2024"]]


@check(weight=3, visible=False)
def count_files_more(s):
    "count_files of a deep tree (empty folders, spaces in names) and of a part of it"
    big_tree()
    return [call(s.count_files, f) for f in ["tree", "tree/x", "tree/empty"]]
