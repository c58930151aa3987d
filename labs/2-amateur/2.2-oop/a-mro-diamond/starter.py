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
        return ["SmartPhone"] + Phone.start(self) + Camera.start(self)


class Tablet(Camera, Phone):
    pass


def who_answers(obj, method_name):
    return type(obj).__name__
