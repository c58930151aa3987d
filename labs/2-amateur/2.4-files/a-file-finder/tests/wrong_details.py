# Case-sensitive extensions, counts characters instead of bytes, skips empty folders.
import os


def find_files(folder, extension):
    found = []
    for root, dirs, files in os.walk(folder):
        for name in files:
            if name.endswith(extension):
                found.append(os.path.relpath(os.path.join(root, name), folder))
    return sorted(found)


def folder_size(folder):
    total = 0
    for root, dirs, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), encoding="utf-8") as f:
                total += len(f.read())
    return total


def count_files(folder):
    counts = {}
    for root, dirs, files in os.walk(folder):
        if files:
            counts[os.path.relpath(root, folder)] = len(files)
    return counts
