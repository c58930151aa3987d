"""Rectangle helper."""
width = int(input())
height = int(input())
area = width * height
perimeter = 2 * (width + height)  # two widths, two heights
print("Area:", area)
print("Perimeter:", perimeter)
