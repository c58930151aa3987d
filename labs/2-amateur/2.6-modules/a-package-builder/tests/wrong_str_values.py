# Writes the constants with str() instead of repr(): strings lose their quotes, so the
# modules cannot even be imported.
import os


def make_package(name, modules):
    os.makedirs(name, exist_ok=True)
    with open(os.path.join(name, "__init__.py"), "w", encoding="utf-8") as f:
        f.write(f"__all__ = {sorted(modules)!r}\n")
    for module, constants in modules.items():
        with open(os.path.join(name, module + ".py"), "w", encoding="utf-8") as f:
            for key, value in constants.items():
                f.write(f"{key} = {value}\n")


def package_contents(name):
    if not os.path.isfile(os.path.join(name, "__init__.py")):
        return None
    modules, subpackages = [], []
    for entry in os.listdir(name):
        path = os.path.join(name, entry)
        if os.path.isfile(path) and entry.endswith(".py") and entry != "__init__.py":
            modules.append(entry[:-3])
        elif os.path.isfile(os.path.join(path, "__init__.py")):
            subpackages.append(entry)
    return {"modules": sorted(modules), "subpackages": sorted(subpackages)}
