"""Rectangle helper.
Prints area and perimeter."""
width = int(input())
height = int(input())
# print("DEBUG: I read", width, "and", height)
area = width * height
perimeter = 2 * (width + height)  # two widths, two heights
print("DEBUG: the numbers are", area, perimeter)
print("Area:", area)
print("Perimeter:", perimeter)
