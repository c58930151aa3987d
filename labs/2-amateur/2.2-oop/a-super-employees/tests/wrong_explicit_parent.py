# Calls the parent class by name (Employee.__init__, Employee.describe) in Manager: it works,
# but this lab asks for super().
class Employee:
    def __init__(self, name, salary):
        self.name, self.salary = name, salary

    def describe(self):
        return self.name + " earns " + str(self.salary)

    def raise_salary(self, percent):
        self.salary = round(self.salary + self.salary * percent / 100)
        return self.salary


class Manager(Employee):
    def __init__(self, name, salary):
        Employee.__init__(self, name, salary)
        self.team = list()

    def add(self, employee):
        self.team += [employee]

    def describe(self):
        return Employee.describe(self) + " and leads " + str(len(self.team)) + " people"


class Intern(Employee):
    def __init__(self, name, school):
        super().__init__(name=name, salary=800)
        self.school = school

    def describe(self):
        return f"{super().describe()} (intern from {self.school})"
