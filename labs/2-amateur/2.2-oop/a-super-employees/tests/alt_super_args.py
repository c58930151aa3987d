# super() with explicit arguments, keyword arguments, f-strings and a += on the salary.
class Employee:
    def __init__(self, name, salary):
        self.name = name
        self.salary = salary

    def describe(self):
        return "%s earns %s" % (self.name, self.salary)

    def raise_salary(self, percent):
        self.salary += self.salary * percent / 100
        self.salary = round(self.salary)
        return self.salary


class Manager(Employee):
    def __init__(self, name, salary):
        super(Manager, self).__init__(name, salary)
        self.team = []

    def add(self, employee):
        self.team = self.team + [employee]

    def describe(self):
        text = super(Manager, self).describe()
        return f"{text} and leads {len(self.team)} people"


class Intern(Employee):
    def __init__(self, name, school):
        super().__init__(salary=800, name=name)
        self.school = school

    def describe(self):
        return super().describe() + " (intern from " + self.school + ")"
