"""The zoo package: animals, their sounds and their keepers."""
from . import animals
from .animals import sound
from .keepers import keeper_for

__version__ = "1.0"
__all__ = ["sound", "keeper_for", "describe"]


def describe(animal):
    return f"The {animal} says {sound(animal)} and is looked after by {keeper_for(animal)}."


def animal_count():
    return len(animals.SOUNDS)
