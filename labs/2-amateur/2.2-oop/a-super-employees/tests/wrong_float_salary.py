# round(x, 0) keeps a float: the salary becomes 880.0 instead of 880.
class Employee:
    def __init__(self, name, salary):
        self.name = name
        self.salary = salary

    def describe(self):
        return f"{self.name} earns {self.salary}"

    def raise_salary(self, percent):
        self.salary = round(self.salary * (100 + percent) / 100, 0)
        return self.salary


class Manager(Employee):
    def __init__(self, name, salary):
        super().__init__(name, salary)
        self.team = []

    def add(self, employee):
        self.team.append(employee)

    def describe(self):
        return super().describe() + f" and leads {len(self.team)} people"


class Intern(Employee):
    def __init__(self, name, school):
        super().__init__(name, 800)
        self.school = school

    def describe(self):
        return super().describe() + f" (intern from {self.school})"
