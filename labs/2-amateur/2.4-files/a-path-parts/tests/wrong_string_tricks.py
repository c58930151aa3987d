# Cuts at the first dot, and treats every existing path as a file.
import os


def split_path(path):
    if "/" in path:
        folder, filename = path.rsplit("/", 1)
    else:
        folder, filename = "", path
    if "." in filename:
        name, ext = filename.split(".", 1)
        return (folder, name, "." + ext)
    return (folder, filename, "")


def build_path(folder, name, extension):
    ext = extension if extension.startswith(".") else "." + extension
    return folder + "/" + name + ext if folder else name + ext


def change_extension(path, new_extension):
    folder, name, ext = split_path(path)
    return (folder + "/" if folder else "") + name + new_extension


def parent_folders(path):
    parts = path.split("/")[:-1]
    return ["/".join(parts[:i + 1]) for i in range(len(parts))]


def what_is(paths):
    return {p: "file" if os.path.exists(p) else "missing" for p in paths}
