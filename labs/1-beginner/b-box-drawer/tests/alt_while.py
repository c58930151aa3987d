def line(width):
    text = ""
    for i in range(width):
        text = text + "#"
    print(text)


def box(width, height):
    count = 0
    while count < height:
        line(width)
        count += 1


def frame(width, height):
    line(width)
    middle = "#" + " " * (width - 2) + "#"
    rows = height - 2
    while rows > 0:
        print(middle)
        rows -= 1
    line(width)


box(4, 2)
print("")
frame(5, 4)
