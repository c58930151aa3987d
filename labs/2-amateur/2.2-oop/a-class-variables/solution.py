class Student:
    school = "Hillside"
    count = 0

    def __init__(self, name, age):
        self.name = name
        self.age = age
        Student.count += 1
        self.number = Student.count

    def card(self):
        return f"#{self.number} {self.name} ({self.age}), {self.school}"

    @classmethod
    def change_school(cls, new_name):
        cls.school = new_name

    @classmethod
    def from_text(cls, text):
        name, age = text.split("-")
        return cls(name, int(age))
