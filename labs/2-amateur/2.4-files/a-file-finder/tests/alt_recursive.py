import os


def _walk(folder, rel=""):
    # yields (relative folder, file names, sub-folder names) for folder and everything inside
    names = os.listdir(os.path.join(folder, rel) if rel else folder)
    files, subs = [], []
    for n in names:
        full = os.path.join(folder, rel, n) if rel else os.path.join(folder, n)
        (subs if os.path.isdir(full) else files).append(n)
    yield rel, files
    for d in subs:
        yield from _walk(folder, rel + "/" + d if rel else d)


def find_files(folder, extension):
    out = []
    for rel, files in _walk(folder):
        for f in files:
            if os.path.splitext(f)[1].lower() == extension.lower():
                out.append(rel + "/" + f if rel else f)
    return sorted(out)


def folder_size(folder):
    total = 0
    for rel, files in _walk(folder):
        for f in files:
            with open(os.path.join(folder, rel, f), "rb") as fh:
                total += len(fh.read())
    return total


def count_files(folder):
    return {(rel or "."): len(files) for rel, files in _walk(folder)}
