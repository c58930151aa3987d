# The frame gets two lines too many and the wrong number of spaces.
def line(width):
    print("#" * width)


def box(width, height):
    for i in range(height):
        line(width)


def frame(width, height):
    line(width)
    for i in range(height):
        print("#" + " " * width + "#")
    line(width)


box(4, 2)
print()
frame(5, 2)
