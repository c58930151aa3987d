# Other correct style: __all__ written with json.dumps (double quotes), the constants with
# repr() as the README asks, all lines of a module written at once.
import json
import os


def make_package(name, modules):
    os.makedirs(name, exist_ok=True)
    with open(os.path.join(name, "__init__.py"), "w", encoding="utf-8") as f:
        f.write("__all__ = " + json.dumps(sorted(modules)) + "\n")
    for module, constants in modules.items():
        lines = [f"{key} = {value!r}" for key, value in constants.items()]
        with open(os.path.join(name, f"{module}.py"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + ("\n" if lines else ""))


def package_contents(name):
    if not os.path.exists(os.path.join(name, "__init__.py")):
        return None
    found = {"modules": [], "subpackages": []}
    for entry in sorted(os.listdir(name)):
        full = os.path.join(name, entry)
        if os.path.isdir(full):
            if os.path.exists(os.path.join(full, "__init__.py")):
                found["subpackages"].append(entry)
        elif entry.endswith(".py") and entry != "__init__.py":
            found["modules"].append(entry[:-3])
    return found
