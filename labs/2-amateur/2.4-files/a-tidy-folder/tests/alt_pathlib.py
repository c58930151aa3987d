import shutil
from pathlib import Path


def make_folders(base, names):
    root = Path(base)
    root.mkdir(parents=True, exist_ok=True)
    for n in names:
        (root / n).mkdir(parents=True, exist_ok=True)
    return sorted(p.name for p in root.iterdir())


def list_folder(folder):
    entries = list(Path(folder).iterdir())
    return {"files": sorted(p.name for p in entries if p.is_file()),
            "folders": sorted(p.name for p in entries if p.is_dir())}


def tidy(folder):
    root = Path(folder)
    files = [p for p in root.iterdir() if p.is_file()]
    for p in files:
        sub = root / (p.suffix[1:].lower() if p.suffix else "other")
        sub.mkdir(exist_ok=True)
        shutil.move(str(p), str(sub / p.name))
    return len(files)
