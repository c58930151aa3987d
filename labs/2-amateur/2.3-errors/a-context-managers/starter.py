class Logged:
    def __init__(self, log, name):
        self.log = log
        self.name = name

    def __enter__(self):
        self.log.append("enter " + self.name)

    def __exit__(self, exc_type, exc_value, traceback):
        self.log.append("exit " + self.name)


class Ignore:
    def __init__(self, *exception_types):
        self.types = exception_types
        self.caught = None
