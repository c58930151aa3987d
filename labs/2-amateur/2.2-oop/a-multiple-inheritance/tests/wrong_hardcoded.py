class Animal:
    def __init__(self, name):
        self.name = name

    def abilities(self):
        return ["fly", "swim", "walk"]


class Walker:
    pass


class Swimmer:
    pass


class Flyer:
    pass


class Duck(Animal, Walker, Swimmer, Flyer):
    def fly(self):
        return "Donald flies"

    def swim(self):
        return "Donald swims"


class Penguin(Animal, Walker, Swimmer):
    def move(self):
        return "Pingu walks"


class Fish(Animal, Swimmer):
    def abilities(self):
        return ["swim"]
