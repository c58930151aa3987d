import os


def make_package(name, modules):
    os.makedirs(name, exist_ok=True)
    # write name/__init__.py with __all__, then one .py file per module
    for module, constants in modules.items():
        with open(os.path.join(name, module + ".py"), "w", encoding="utf-8") as f:
            for key, value in constants.items():
                f.write(f"{key} = {value}\n")


def package_contents(name):
    return {"modules": [], "subpackages": []}
