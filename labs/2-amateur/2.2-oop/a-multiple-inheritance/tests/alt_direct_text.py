class Animal:
    def __init__(self, name):
        self.name = name

    def abilities(self):
        found = []
        for ability in ["fly", "swim", "walk"]:
            if hasattr(self, ability):
                found.append(ability)
        return found


class Walker:
    def walk(self):
        return self.name + " walks"

    def move(self):
        return self.name + " walks"


class Swimmer:
    def swim(self):
        return self.name + " swims"

    def move(self):
        return self.name + " swims"


class Flyer:
    def fly(self):
        return self.name + " flies"

    def move(self):
        return self.name + " flies"


class Duck(Animal, Walker, Swimmer, Flyer):
    """Walks, swims and flies."""


class Penguin(Animal, Walker, Swimmer):
    """Walks and swims."""


class Fish(Animal, Swimmer):
    """Only swims."""
