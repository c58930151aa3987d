import os


def find_files(folder, extension):
    found = []
    for root, dirs, files in os.walk(folder):
        for name in files:
            if os.path.splitext(name)[1].lower() == extension.lower():
                found.append(os.path.relpath(os.path.join(root, name), folder))
    return sorted(found)


def folder_size(folder):
    total = 0
    for root, dirs, files in os.walk(folder):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total


def count_files(folder):
    counts = {}
    for root, dirs, files in os.walk(folder):
        counts[os.path.relpath(root, folder)] = len(files)
    return counts
