from labcheck import case, case_call, cases, check, call, import_student_as, write_file

ANIMALS = '''"""Animals and their sounds."""
SOUNDS = %r


def sound(animal):
    return SOUNDS.get(animal, "...")
'''

KEEPERS = '''"""Who looks after which animal."""
KEEPERS = %r


def keeper_for(animal):
    return KEEPERS.get(animal, "nobody")
'''


def build(package, sounds, keepers):
    "Write the package's given modules, then import the student's file as its __init__.py."
    folder = package.replace(".", "/")
    write_file(f"{folder}/animals.py", ANIMALS % (sounds,))
    write_file(f"{folder}/keepers.py", KEEPERS % (keepers,))
    return import_student_as(package, package_init=True)


def star_names(package):
    "The names that 'from package import *' gives."
    ns = {}
    try:
        exec(f"from {package} import *", ns)
    except Exception as e:
        return {"$raised": type(e).__name__}
    return sorted(k for k in ns if k != "__builtins__")


ZOO = ({"lion": "roar", "cow": "moo", "owl": "hoot"}, {"lion": "Ada", "cow": "Bo"})
SAFARI = ({"zebra": "neigh", "elephant": "toot", "hyena": "laugh", "snake": "hiss"},
          {"zebra": "Zoë", "snake": "Åke", "elephant": "Li"})

_made = {}


def once(key, make):
    "What make() returns, made in the first case that needs it and kept for the later ones."
    if key not in _made:
        _made[key] = make()
    return _made[key]


def attr(obj, name):
    "obj.name; if it is missing, the observation is {'$raised': 'AttributeError'}."
    return call(getattr, obj, name)


# ---- the README's examples ------------------------------------------------------------------

@check(weight=1)
@cases("lion", "owl")
def example_describe(animal):
    "zoo.describe builds a sentence from the two given modules (the README's example)"
    case_call(f"import zoo; zoo.describe({animal!r})")
    zoo = once("zoo", lambda: build("zoo", *ZOO))
    return call(zoo.describe, animal)


@check(weight=1)
@cases(("zoo.sound('cow')", lambda z: call(z.sound, "cow")),
       ("zoo.keeper_for('cow')", lambda z: call(z.keeper_for, "cow")),
       ("zoo.__version__", lambda z: attr(z, "__version__")),
       ("zoo.animal_count()", lambda z: call(z.animal_count)),
       ("sorted(zoo.__all__)", lambda z: call(lambda: sorted(z.__all__))))
def example_front_door(text, look):
    "import zoo gives sound, keeper_for, __version__, animal_count and __all__"
    case_call(f"import zoo; {text}")
    return look(once("zoo", lambda: build("zoo", *ZOO)))


@check(weight=1)
def example_star_import():
    "from zoo import * gives exactly the names of __all__"
    case_call("from zoo import *: the names it gives")
    build("zoo", *ZOO)
    return star_names("zoo")


# ---- hidden checks --------------------------------------------------------------------------

@check(weight=4, visible=False)
@cases(case("describe", "zebra", about="describe in the renamed package"),
       case("describe", "elephant", about="an animal whose keeper has another name"),
       case("describe", "hyena", about="an animal without a keeper"),
       case("describe", "snake", about="a keeper with a letter like Å"),
       case("describe", "lion", about="an animal that is not in this package"),
       case("describe", "Zebra", about="a name with a capital letter"),
       case("animal_count", None, about="the number of animals of this package"),
       case("__version__", None, about="the version"),
       case("star", None, about="from safari import *"),
       case("sound", "snake", about="sound, imported from the package's own module"),
       case("keeper_for", "hyena", about="keeper_for, imported from the package's own module"))
def renamed_package(what, animal):
    "the same files installed as the package safari/ with other animals and keepers"
    safari = once("safari", lambda: build("safari", *SAFARI))
    if what == "star":
        case_call("from safari import *: the names it gives")
        return star_names("safari")
    if what == "__version__":
        case_call("safari.__version__")
        return attr(safari, "__version__")
    args = () if animal is None else (animal,)
    case_call(f"safari.{what}({', '.join(map(repr, args))})")
    return call(getattr(safari, what), *args)


@check(weight=2, visible=False)
@cases(case("describe", about="describe when the package has no animals at all"),
       case("animal_count", about="counting no animals"),
       case("star", about="from games.wild import *"))
def nested_package(what):
    "the package installed inside another package (games/wild/), with an empty zoo"
    def make():
        write_file("games/__init__.py", "")
        return build("games.wild", {}, {})
    wild = once("wild", make)
    if what == "describe":
        case_call("games.wild.describe('lion')")
        return call(wild.describe, "lion")
    if what == "animal_count":
        case_call("games.wild.animal_count()")
        return call(wild.animal_count)
    case_call("from games.wild import *")
    return star_names("games.wild")
