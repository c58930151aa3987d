# hunger can go below 0 and is shared by every pet (a class variable).
class Pet:
    hunger = 5

    def __init__(self, name, species):
        self.name = name
        self.species = species

    def feed(self):
        Pet.hunger -= 2
        return Pet.hunger

    def play(self):
        Pet.hunger += 1
        return Pet.hunger

    def describe(self):
        return f"{self.name} the {self.species} (hunger {self.hunger})"
