# Absolute imports: work only while the package is called "zoo". No __all__.
from zoo.animals import sound, SOUNDS
from zoo.keepers import keeper_for

__version__ = "1.0"


def describe(animal):
    return f"The {animal} says {sound(animal)} and is looked after by {keeper_for(animal)}."


def animal_count():
    return len(SOUNDS)
