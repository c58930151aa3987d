from pathlib import Path


def _folder(p):
    return "" if p.parent == Path(".") else str(p.parent)


def split_path(path):
    p = Path(path)
    return _folder(p), p.stem, p.suffix


def build_path(folder, name, extension):
    ext = extension if extension.startswith(".") else "." + extension
    return str(Path(folder) / (name + ext))


def change_extension(path, new_extension):
    return str(Path(path).with_suffix(new_extension))


def parent_folders(path):
    return [str(p) for p in reversed(Path(path).parents) if p != Path(".")]


def what_is(paths):
    out = {}
    for p in paths:
        q = Path(p)
        out[p] = "file" if q.is_file() else "folder" if q.is_dir() else "missing"
    return out
