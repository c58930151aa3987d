class Logged:
    def __init__(self, log, name):
        self.log = log
        self.name = name

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if self.name == "A":
            self.log.append("exit A")
        else:
            self.log.append("error B: ZeroDivisionError")


class Ignore:
    def __init__(self, *exception_types):
        self.caught = None
        self.types = exception_types

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is KeyError:
            self.caught = exc_value
            return True
