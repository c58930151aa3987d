class Student:
    school = "Hillside"
    count = 0

    def __init__(self, name, age):
        self.name = name
        self.age = age

    def card(self):
        return self.name

    # @classmethod change_school(cls, new_name)
    # @classmethod from_text(cls, text)
