"""Rectangle helper.
Reads a width and a height and prints the area and the perimeter."""
width = int(input())
height = int(input())
# print("DEBUG: I read", width, "and", height)
area = width * height
perimeter = 2 * (width + height)
# print("DEBUG: the numbers are", area, perimeter)
print("Area:", area)
print("Perimeter:", perimeter)
