# Logged swallows errors (returns True), and Ignore compares exact types (no children).
class Logged:
    def __init__(self, log, name):
        self.log = log
        self.name = name

    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            self.log.append(f"exit {self.name}")
        else:
            self.log.append(f"error {self.name}: {exc_type.__name__}")
        return True


class Ignore:
    def __init__(self, *exception_types):
        self.types = exception_types
        self.caught = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type in self.types:
            self.caught = exc_value
            return True
        return False
