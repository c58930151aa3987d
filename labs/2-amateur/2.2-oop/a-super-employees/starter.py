class Employee:
    def __init__(self, name, salary):
        self.name = name
        self.salary = salary

    def describe(self):
        return f"{self.name} earns {self.salary}"

    def raise_salary(self, percent):
        return self.salary


class Manager(Employee):
    def __init__(self, name, salary):
        self.team = []            # and the parent's part?

    def add(self, employee):
        self.team.append(employee)


class Intern(Employee):
    pass
