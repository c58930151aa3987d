class Pet:
    def __init__(self, name, species):
        self.name = name
        # also remember species, and start with a hunger of 5

    def feed(self):
        pass

    def play(self):
        pass

    def describe(self):
        return self.name
