import os


def make_package(name, modules):
    os.makedirs("colours", exist_ok=True)
    with open("colours/__init__.py", "w") as f:
        f.write("__all__ = ['cool', 'warm']\n")
    with open("colours/warm.py", "w") as f:
        f.write("RED = '#ff0000'\nLEVEL = 3\n")
    with open("colours/cool.py", "w") as f:
        f.write("BLUE = '#0000ff'\n")


def package_contents(name):
    return {"modules": ["cool", "warm"], "subpackages": []}
