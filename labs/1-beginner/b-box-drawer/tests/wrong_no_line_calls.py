# Draws correctly but never calls line in box and frame.
def line(width):
    print("#" * width)


def box(width, height):
    for i in range(height):
        print("#" * width)


def frame(width, height):
    print("#" * width)
    for i in range(height - 2):
        print("#" + " " * (width - 2) + "#")
    print("#" * width)


box(4, 2)
print()
frame(5, 4)
