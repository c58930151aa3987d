class Student:
    school = "Hillside"
    count = 0

    def __init__(self, name, age):
        Student.count = Student.count + 1
        self.name, self.age, self.number = name, age, Student.count

    def card(self):
        return "#" + str(self.number) + " " + self.name + " (" + str(self.age) + "), " + self.school

    @classmethod
    def change_school(cls, new_name):
        cls.school = new_name
        return None

    @classmethod
    def from_text(cls, text):
        parts = text.split("-")
        return cls(parts[0], int(parts[1]))
