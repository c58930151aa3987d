# split_path returns a list instead of a tuple; everything else is right.
import os.path


def split_path(path):
    folder, filename = os.path.split(path)
    name, extension = os.path.splitext(filename)
    return [folder, name, extension]


def build_path(folder, name, extension):
    if not extension.startswith("."):
        extension = "." + extension
    return os.path.join(folder, name + extension)


def change_extension(path, new_extension):
    return os.path.splitext(path)[0] + new_extension


def parent_folders(path):
    folders = []
    folder = os.path.dirname(path)
    while folder:
        folders.insert(0, folder)
        folder = os.path.dirname(folder)
    return folders


def what_is(paths):
    result = {}
    for p in paths:
        if os.path.isfile(p):
            result[p] = "file"
        elif os.path.isdir(p):
            result[p] = "folder"
        else:
            result[p] = "missing"
    return result
