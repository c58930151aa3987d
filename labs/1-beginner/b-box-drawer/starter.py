def line(width):
    print("#" * width)


def box(width, height):
    # Call line(...) once for every line of the box.
    pass


def frame(width, height):
    pass


box(4, 2)
