# Copies the methods into each animal instead of inheriting from the mixins.
class Animal:
    def __init__(self, name):
        self.name = name

    def abilities(self):
        return sorted(a for a in ("fly", "swim", "walk") if hasattr(self, a))


class Walker:
    def walk(self):
        return f"{self.name} walks"

    def move(self):
        return self.walk()


class Swimmer:
    def swim(self):
        return f"{self.name} swims"

    def move(self):
        return self.swim()


class Flyer:
    def fly(self):
        return f"{self.name} flies"

    def move(self):
        return self.fly()


class Duck(Animal):
    def walk(self):
        return f"{self.name} walks"

    def swim(self):
        return f"{self.name} swims"

    def fly(self):
        return f"{self.name} flies"

    def move(self):
        return self.walk()


class Penguin(Animal):
    def walk(self):
        return f"{self.name} walks"

    def swim(self):
        return f"{self.name} swims"

    def move(self):
        return self.walk()


class Fish(Animal):
    def swim(self):
        return f"{self.name} swims"

    def move(self):
        return self.swim()
