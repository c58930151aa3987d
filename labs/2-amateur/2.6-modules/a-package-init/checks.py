from labcheck import check, call, import_student_as, write_file

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


@check(weight=1)
def example_describe():
    'import zoo; zoo.describe("lion"), zoo.describe("owl")'
    zoo = build("zoo", *ZOO)
    return [call(zoo.describe, "lion"), call(zoo.describe, "owl")]


@check(weight=1)
def example_front_door():
    "import zoo; zoo.sound, zoo.keeper_for, zoo.__version__, zoo.animal_count(), __all__"
    zoo = build("zoo", *ZOO)
    return [call(zoo.sound, "cow"), call(zoo.keeper_for, "cow"), getattr(zoo, "__version__", None),
            call(zoo.animal_count), sorted(getattr(zoo, "__all__", []))]


@check(weight=1)
def example_star_import():
    "from zoo import *: the names it gives"
    build("zoo", *ZOO)
    return star_names("zoo")


@check(weight=4, visible=False)
def renamed_package():
    "the same files installed as the package safari/ with other animals and keepers"
    safari = build("safari", *SAFARI)
    names = ["zebra", "elephant", "hyena", "snake", "lion", "Zebra"]
    return [[call(safari.describe, a) for a in names], call(safari.animal_count),
            getattr(safari, "__version__", None), star_names("safari"),
            call(safari.sound, "snake"), call(safari.keeper_for, "hyena")]


@check(weight=2, visible=False)
def nested_package():
    "the package installed inside another package (games/wild/), with an empty zoo"
    write_file("games/__init__.py", "")
    wild = build("games.wild", {}, {})
    return [call(wild.describe, "lion"), call(wild.animal_count), star_names("games.wild")]
