class Animal:
    def __init__(self, name):
        self.name = name

    def abilities(self):
        return []


class Walker:
    def walk(self):
        return f"{self.name} walks"


class Swimmer:
    pass


class Flyer:
    pass


class Duck(Animal):
    pass


class Penguin(Animal):
    pass


class Fish(Animal):
    pass
