"""Rectangle helper.
Reads a width and a height and prints the area and the perimeter."""
# The DEBUG lines were deleted instead of being turned into comments.
width = int(input())
height = int(input())
area = width * height
perimeter = 2 * (width + height)  # two widths and two heights
print("Area:", area)
print("Perimeter:", perimeter)
