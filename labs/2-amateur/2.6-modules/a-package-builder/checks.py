import importlib
import os
import sys

from labcheck import case, case_call, cases, check, call, files_in_workdir, read_file, write_file

# The checks look at what the packages DO once they are written (which files exist, what
# importing them gives), never at how the files are spelled: "__all__ = ['a']" and
# '__all__ = ["a"]' are the same package.


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


def all_of(package):
    "The package's __all__ after `import package` (or what went wrong)."
    importer()
    try:
        mod = importlib.import_module(package)
    except Exception as e:
        return {"$import_failed": type(e).__name__}
    return getattr(mod, "__all__", "(no __all__)")


def star(package):
    "Names that `from package import *` gives, and the type of each."
    importer()
    ns = {}
    try:
        exec(f"from {package} import *", ns)
    except Exception as e:
        return {"$import_failed": type(e).__name__}
    return sorted([k, type(v).__name__] for k, v in ns.items() if k != "__builtins__")


_made = {}


def once(key, make):
    "What make() returns, made in the first case that needs it and kept for the later ones."
    if key not in _made:
        _made[key] = make()
    return _made[key]


COLOURS = {"warm": {"RED": "#ff0000", "LEVEL": 3}, "cool": {"BLUE": "#0000ff"}}
MAKE_COLOURS = 'make_package("colours", {"warm": {"RED": "#ff0000", "LEVEL": 3}, ' \
               '"cool": {"BLUE": "#0000ff"}})'


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
@cases(("the files it wrote", files_in_workdir),
       ("import colours; colours.__all__", lambda: all_of("colours")),
       ("import colours.warm; its constants", lambda: load("colours.warm")),
       ("import colours.cool; its constants", lambda: load("colours.cool")))
def example_make_package(s, text, look):
    "make_package writes a package that Python can import (the README's example)"
    case_call(f"{MAKE_COLOURS}; {text}")
    once("colours", lambda: call(s.make_package, "colours", COLOURS))
    return look()


@check(weight=1)
def example_star_import(s):
    "from colours import * gives both modules (the README's example)"
    case_call(f"{MAKE_COLOURS}; from colours import *: the names and their types")
    call(s.make_package, "colours", COLOURS)
    return star("colours")


@check(weight=1)
def example_package_contents(s):
    "package_contents lists the modules of the package (the README's example)"
    case_call(f'{MAKE_COLOURS}; package_contents("colours")')
    call(s.make_package, "colours", COLOURS)
    return call(s.package_contents, "colours")


# ---- hidden checks --------------------------------------------------------------------------

TOOLKIT = {"zeta": {"NAME": "Zoë", "QUOTE": 'say "hi"', "PI": 3.14, "ON": True, "NOTHING": None},
           "alpha": {"ITEMS": [1, 2, 3], "PAIR": (1, "a"), "MAP": {"k": [0]}},
           "empty": {}, "numbers": {"BIG": 10 ** 20, "NEG": -7}}


def build_two(s):
    call(s.make_package, "toolkit", TOOLKIT)
    call(s.make_package, "tiny", {"only": {"X": 1}})


@check(weight=3, visible=False)
@cases(case("the files written", files_in_workdir,
            about="the files of two packages, one module without constants"),
       case("toolkit.__all__", lambda: all_of("toolkit"), about="__all__ lists sorted modules"),
       case("toolkit.zeta", lambda: load("toolkit.zeta"),
            about="strings with quotes and ë, a float, True and None"),
       case("toolkit.alpha", lambda: load("toolkit.alpha"),
            about="a list, a tuple and a dictionary as values"),
       case("toolkit.empty", lambda: load("toolkit.empty"), about="a module without constants"),
       case("toolkit.numbers", lambda: load("toolkit.numbers"),
            about="a huge and a negative number"),
       case("from toolkit import *", lambda: star("toolkit"),
            about="from toolkit import * gives every module"),
       case("from tiny import *", lambda: star("tiny"), about="a package with one module"),
       case("tiny.only", lambda: load("tiny.only"), about="the module of the small package"))
def make_package_more(s, text, look):
    "other packages: many modules, many kinds of values, a module without constants"
    case_call(text)
    once("built", lambda: build_two(s))
    return look()


def build_shop(s):
    write_file("shop/__init__.py", "__all__ = ['old']\n")
    write_file("shop/prices.py", "APPLE = 999\n")
    write_file("shop/notes.txt", "keep me\n")
    call(s.make_package, "shop", {"prices": {"APPLE": 1, "PEAR": 2}, "stock": {"APPLE": 10}})


@check(weight=2, visible=False)
@cases(case("the files in the folder", files_in_workdir,
            about="the files after writing into a folder that already existed"),
       case("shop/notes.txt", lambda: read_file("shop/notes.txt"),
            about="a file that is not a module is left alone"),
       case("shop.prices", lambda: load("shop.prices"), about="an old module is replaced"),
       case("shop.__all__", lambda: all_of("shop"), about="the old __init__.py is replaced"),
       case("from shop import *", lambda: star("shop"), about="from shop import *"))
def make_package_again(s, text, look):
    "make_package into a folder that already exists (its files are replaced, others stay)"
    case_call(text)
    once("shop", lambda: build_shop(s))
    return look()


def build_app():
    for path in ["app/__init__.py", "app/main.py", "app/util.py", "app/README.md",
                 "app/models/__init__.py", "app/models/user.py", "app/api/__init__.py",
                 "app/static/logo.py", "app/__pycache__/main.cpython-311.pyc",
                 "plain/thing.py"]:
        write_file(path, "")
    write_file("app/data.json", "{}")
    os.makedirs("app/emptydir")
    os.makedirs("nothing")


@check(weight=3, visible=False)
@cases(case("app", about="sub-packages, folders without __init__.py and other files"),
       case("app/models", about="a sub-package with one module"),
       case("app/static", about="a folder without __init__.py"),
       case("app/api", about="a package with only __init__.py"),
       case("plain", about="modules but no __init__.py"),
       case("nothing", about="an empty folder"))
def package_contents_more(s, folder):
    "package_contents with sub-packages, folders without __init__.py, other files and non-packages"
    once("app", build_app)
    return call(s.package_contents, folder)
