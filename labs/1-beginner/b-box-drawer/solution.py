def line(width):
    print("#" * width)


def box(width, height):
    for i in range(height):
        line(width)


def frame(width, height):
    line(width)
    for i in range(height - 2):
        print("#" + " " * (width - 2) + "#")
    line(width)


box(4, 2)
print()
frame(5, 4)
