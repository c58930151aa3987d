# Calls both parents by name: Device starts twice; who_answers uses hasattr (any class says yes).
class Device:
    def start(self):
        return ["Device"]

    def power(self):
        return "battery"


class Phone(Device):
    def start(self):
        return ["Phone"] + Device.start(self)


class Camera(Device):
    def start(self):
        return ["Camera"] + Device.start(self)

    def power(self):
        return "camera battery"


class SmartPhone(Phone, Camera):
    def start(self):
        return ["SmartPhone"] + Phone.start(self)[:1] + Camera.start(self)


class Tablet(Camera, Phone):
    def start(self):
        return ["Tablet"] + Camera.start(self)[:1] + Phone.start(self)


def who_answers(obj, method_name):
    for cls in type(obj).__mro__:
        if hasattr(cls, method_name):
            return cls.__name__
    return None
