class Pet:
    def __init__(self, name, species):
        self.name = name
        self.species = species
        self.hunger = 5

    def feed(self):
        self.hunger = max(0, self.hunger - 2)
        return self.hunger

    def play(self):
        self.hunger += 1
        return self.hunger

    def describe(self):
        return f"{self.name} the {self.species} (hunger {self.hunger})"
