"""Rectangle helper.
Reads the width and the height of a rectangle and prints its area and its perimeter."""
width = int(input())
height = int(input())
# print("DEBUG: I read", width, "and", height)
area = width * height
perimeter = 2 * (width + height)  # all four sides: two widths and two heights
# print("DEBUG: the numbers are", area, perimeter)
print("Area:", area)
print("Perimeter:", perimeter)
