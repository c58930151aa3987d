from . import animals, keepers

sound = animals.sound
keeper_for = keepers.keeper_for
__version__ = "1.0"
__all__ = ["sound", "keeper_for", "describe"]


def describe(animal):
    return "The " + animal + " says " + animals.sound(animal) + \
        " and is looked after by " + keepers.keeper_for(animal) + "."


def animal_count():
    count = 0
    for _ in animals.SOUNDS:
        count += 1
    return count
