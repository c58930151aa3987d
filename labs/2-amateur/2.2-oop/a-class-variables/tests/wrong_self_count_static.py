# self.count += 1 makes an instance variable; from_text is a staticmethod that always builds a Student.
class Student:
    school = "Hillside"
    count = 0

    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.count += 1
        self.number = self.count

    def card(self):
        return f"#{self.number} {self.name} ({self.age}), {self.school}"

    @classmethod
    def change_school(cls, new_name):
        cls.school = new_name

    @staticmethod
    def from_text(text):
        name, age = text.split("-")
        return Student(name, int(age))
