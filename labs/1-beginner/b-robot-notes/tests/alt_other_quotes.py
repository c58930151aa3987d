'''What this program does:
it reads a rectangle's width and height
and prints the area and the perimeter.'''

w = int(input())  # the width
h = int(input())  # the height
# print("DEBUG: I read", w, "and", h)
#print("DEBUG: the numbers are", w * h, 2 * (w + h))
print("Area:", w * h)
print("Perimeter:", w + w + h + h)
