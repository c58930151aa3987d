from pathlib import Path


def find_files(folder, extension):
    root = Path(folder)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.is_file() and p.suffix.lower() == extension.lower())


def folder_size(folder):
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def count_files(folder):
    root = Path(folder)
    result = {}
    for d in [root] + [p for p in root.rglob("*") if p.is_dir()]:
        result[d.relative_to(root).as_posix()] = sum(1 for p in d.iterdir() if p.is_file())
    return result
