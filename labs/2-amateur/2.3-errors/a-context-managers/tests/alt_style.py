class Logged:
    def __init__(self, log, name):
        self.log, self.name = log, name

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self

    def __exit__(self, kind, value, tb):
        if kind:
            self.log.append("error " + self.name + ": " + type(value).__name__)
        else:
            self.log.append("exit " + self.name)


class Ignore:
    def __init__(self, *exception_types):
        self.types = list(exception_types)
        self.caught = None

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        for t in self.types:
            if isinstance(value, t):
                self.caught = value
                return True
        return None
