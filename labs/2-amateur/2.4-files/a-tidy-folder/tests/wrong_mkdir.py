# Uses os.mkdir, which creates one folder only: fails when a folder on the way is missing.
import os


def make_folders(base, names):
    if not os.path.isdir(base):
        os.mkdir(base)
    for name in names:
        path = os.path.join(base, name)
        if not os.path.isdir(path):
            os.mkdir(path)
    return sorted(os.listdir(base))


def list_folder(folder):
    files, folders = [], []
    for name in os.listdir(folder):
        if os.path.isdir(os.path.join(folder, name)):
            folders.append(name)
        else:
            files.append(name)
    return {"files": sorted(files), "folders": sorted(folders)}


def tidy(folder):
    moved = 0
    for name in list_folder(folder)["files"]:
        extension = os.path.splitext(name)[1].lower().lstrip(".")
        target = os.path.join(folder, extension or "other")
        os.makedirs(target, exist_ok=True)
        os.rename(os.path.join(folder, name), os.path.join(target, name))
        moved += 1
    return moved
