# Read what is in the three cups.
left = input()
middle = input()
right = input()

print(f"Before: {left} | {middle} | {right}")

# Swap left and right.
left, right = right, left
print(f"Swap: {left} | {middle} | {right}")

# Everything moves one place to the left; the first cup goes to the end.
left, middle, right = middle, right, left
print(f"Rotate: {left} | {middle} | {right}")
