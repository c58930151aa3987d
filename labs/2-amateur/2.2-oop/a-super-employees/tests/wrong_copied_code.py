# Copies the parent's code into the children instead of calling super(): same texts,
# but Employee.__init__ and Employee.describe never run for managers and interns.
class Employee:
    def __init__(self, name, salary):
        self.name = name
        self.salary = salary

    def describe(self):
        return f"{self.name} earns {self.salary}"

    def raise_salary(self, percent):
        self.salary = round(self.salary * (100 + percent) / 100)
        return self.salary


class Manager(Employee):
    def __init__(self, name, salary):
        self.name = name
        self.salary = salary
        self.team = []

    def add(self, employee):
        self.team.append(employee)

    def describe(self):
        return f"{self.name} earns {self.salary} and leads {len(self.team)} people"


class Intern(Employee):
    def __init__(self, name, school):
        self.name = name
        self.salary = 800
        self.school = school

    def describe(self):
        return f"{self.name} earns {self.salary} (intern from {self.school})"
