# Keeps the extension's capitals, and sends dot-files to a folder named after them.
import os


def make_folders(base, names):
    os.makedirs(base, exist_ok=True)
    for n in names:
        os.makedirs(os.path.join(base, n), exist_ok=True)
    return sorted(os.listdir(base))


def list_folder(folder):
    names = os.listdir(folder)
    return {"files": sorted(n for n in names if "." in n),
            "folders": sorted(n for n in names if "." not in n)}


def tidy(folder):
    moved = 0
    for name in os.listdir(folder):
        src = os.path.join(folder, name)
        if os.path.isfile(src):
            ext = name.rsplit(".", 1)[1] if "." in name else "other"
            os.makedirs(os.path.join(folder, ext), exist_ok=True)
            os.rename(src, os.path.join(folder, ext, name))
            moved += 1
    return moved
