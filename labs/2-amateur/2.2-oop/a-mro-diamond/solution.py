class Device:
    def start(self):
        return ["Device"]

    def power(self):
        return "battery"


class Phone(Device):
    def start(self):
        return ["Phone"] + super().start()


class Camera(Device):
    def start(self):
        return ["Camera"] + super().start()

    def power(self):
        return "camera battery"


class SmartPhone(Phone, Camera):
    def start(self):
        return ["SmartPhone"] + super().start()


class Tablet(Camera, Phone):
    def start(self):
        return ["Tablet"] + super().start()


def who_answers(obj, method_name):
    for cls in type(obj).__mro__:
        if method_name in cls.__dict__:
            return cls.__name__
    return None
