import os


def make_folders(base, names):
    os.makedirs(base, exist_ok=True)
    # now create a folder for every name inside base
    return sorted(os.listdir(base))


def list_folder(folder):
    return {"files": sorted(os.listdir(folder)), "folders": []}


def tidy(folder):
    return 0
