left = input()
middle = input()
right = input()
print("Before:", left, "|", middle, "|", right)
old_left = left
left = right
right = old_left
print("Swap:", left, "|", middle, "|", right)
first = left
left = middle
middle = right
right = first
print("Rotate:", left, "|", middle, "|", right)
