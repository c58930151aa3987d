from pathlib import Path


def make_package(name, modules):
    folder = Path(name)
    folder.mkdir(parents=True, exist_ok=True)
    names = sorted(modules.keys())
    (folder / "__init__.py").write_text("__all__ = " + repr(names) + "\n", encoding="utf-8")
    for module in modules:
        lines = [k + " = " + repr(v) for k, v in modules[module].items()]
        (folder / f"{module}.py").write_text("".join(l + "\n" for l in lines), encoding="utf-8")


def package_contents(name):
    folder = Path(name)
    if not (folder / "__init__.py").is_file():
        return None
    mods = sorted(p.stem for p in folder.glob("*.py") if p.name != "__init__.py")
    subs = sorted(p.name for p in folder.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    return {"modules": mods, "subpackages": subs}
