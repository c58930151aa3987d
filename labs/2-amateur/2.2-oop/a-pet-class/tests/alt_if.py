class Pet:
    def __init__(self, name, species, hunger=5):
        self.name = name
        self.species = species
        self.hunger = hunger

    def feed(self):
        if self.hunger >= 2:
            self.hunger = self.hunger - 2
        else:
            self.hunger = 0
        return self.hunger

    def play(self):
        self.hunger = self.hunger + 1
        return self.hunger

    def describe(self):
        return self.name + " the " + self.species + " (hunger " + str(self.hunger) + ")"
