class Device:
    def start(self):
        return ["Device"]

    def power(self):
        return "battery"


class Phone(Device):
    def start(self):
        result = ["Phone"]
        result.extend(super().start())
        return result


class Camera(Device):
    def power(self):
        return "camera battery"

    def start(self):
        return ["Camera", *super().start()]


class SmartPhone(Phone, Camera):
    def start(self):
        return ["SmartPhone"] + super(SmartPhone, self).start()


class Tablet(Camera, Phone):
    def start(self):
        return list(("Tablet",)) + super().start()


def who_answers(obj, method_name):
    mro = obj.__class__.mro()
    i = 0
    while i < len(mro):
        if method_name in vars(mro[i]):
            return mro[i].__name__
        i += 1
    return None
