# Forgets __init__.py (a namespace package: `from x import *` gives nothing), and counts every
# folder as a sub-package.
import os


def make_package(name, modules):
    os.makedirs(name, exist_ok=True)
    for module, constants in modules.items():
        with open(os.path.join(name, module + ".py"), "w", encoding="utf-8") as f:
            for key, value in constants.items():
                f.write(f"{key} = {value!r}\n")


def package_contents(name):
    if not os.path.isdir(name):
        return None
    entries = os.listdir(name)
    return {"modules": sorted(e[:-3] for e in entries if e.endswith(".py") and e != "__init__.py"),
            "subpackages": sorted(e for e in entries if os.path.isdir(os.path.join(name, e)))}
