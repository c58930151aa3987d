left = input()
middle = input()
right = input()

print("Before:", left, "|", middle, "|", right)

# Now swap the left and the right cup, and print the "Swap:" line.
# Then move every cup one place to the left, and print the "Rotate:" line.
