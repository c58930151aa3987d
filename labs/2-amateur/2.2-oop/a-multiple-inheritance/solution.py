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


class Duck(Animal, Walker, Swimmer, Flyer):
    pass


class Penguin(Animal, Walker, Swimmer):
    pass


class Fish(Animal, Swimmer):
    pass
