import importlib
import os
import sys

from labcheck import check, call, files_in_workdir, read_file, write_file


def importer():
    "Let the check import packages from its working directory (and write no .pyc files)."
    sys.dont_write_bytecode = True
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    importlib.invalidate_caches()


def load(dotted):
    "Import a module the student's code created; its public constants, or the error's name."
    importer()
    try:
        mod = importlib.import_module(dotted)
    except Exception as e:
        return {"$import_failed": type(e).__name__}
    return {k: v for k, v in vars(mod).items() if not k.startswith("_")
            and isinstance(v, (int, float, str, bool, list, tuple, dict, type(None)))}


def star(package):
    "Names that `from package import *` gives, and the type of each."
    importer()
    ns = {}
    try:
        exec(f"from {package} import *", ns)
    except Exception as e:
        return {"$import_failed": type(e).__name__}
    return sorted([k, type(v).__name__] for k, v in ns.items() if k != "__builtins__")


COLOURS = {"warm": {"RED": "#ff0000", "LEVEL": 3}, "cool": {"BLUE": "#0000ff"}}


@check(weight=1)
def example_make_package(s):
    "make_package(\"colours\", ...) from the README: the files, then import colours.warm"
    call(s.make_package, "colours", COLOURS)
    return [files_in_workdir(), read_file("colours/__init__.py"), load("colours.warm"),
            load("colours.cool")]


@check(weight=1)
def example_star_import(s):
    "make_package(\"colours\", ...), then from colours import *"
    call(s.make_package, "colours", COLOURS)
    return star("colours")


@check(weight=1)
def example_package_contents(s):
    'package_contents("colours") after make_package'
    call(s.make_package, "colours", COLOURS)
    return call(s.package_contents, "colours")


@check(weight=3, visible=False)
def make_package_more(s):
    "other packages: many modules, many kinds of values, a module without constants"
    mods = {"zeta": {"NAME": "Zoë", "QUOTE": 'say "hi"', "PI": 3.14, "ON": True, "NOTHING": None},
            "alpha": {"ITEMS": [1, 2, 3], "PAIR": (1, "a"), "MAP": {"k": [0]}},
            "empty": {}, "numbers": {"BIG": 10 ** 20, "NEG": -7}}
    call(s.make_package, "toolkit", mods)
    call(s.make_package, "tiny", {"only": {"X": 1}})
    return [files_in_workdir(), load("toolkit"), load("toolkit.zeta"), load("toolkit.alpha"),
            load("toolkit.empty"), load("toolkit.numbers"), star("toolkit"), star("tiny"),
            load("tiny.only")]


@check(weight=2, visible=False)
def make_package_again(s):
    "make_package into a folder that already exists (its files are replaced, others stay)"
    write_file("shop/__init__.py", "__all__ = ['old']\n")
    write_file("shop/prices.py", "APPLE = 999\n")
    write_file("shop/notes.txt", "keep me\n")
    call(s.make_package, "shop", {"prices": {"APPLE": 1, "PEAR": 2}, "stock": {"APPLE": 10}})
    return [files_in_workdir(), read_file("shop/notes.txt"), load("shop.prices"), star("shop")]


@check(weight=3, visible=False)
def package_contents_more(s):
    "package_contents with sub-packages, folders without __init__.py, other files and non-packages"
    write_file("app/__init__.py", "")
    write_file("app/main.py", "")
    write_file("app/util.py", "")
    write_file("app/README.md", "")
    write_file("app/data.json", "{}")
    write_file("app/models/__init__.py", "")
    write_file("app/models/user.py", "")
    write_file("app/api/__init__.py", "")
    write_file("app/static/logo.py", "")
    write_file("app/__pycache__/main.cpython-311.pyc", "")
    write_file("plain/thing.py", "")
    os.makedirs("app/emptydir")
    os.makedirs("nothing")
    return [call(s.package_contents, p) for p in ["app", "app/models", "app/static", "app/api",
                                                   "plain", "nothing"]]
