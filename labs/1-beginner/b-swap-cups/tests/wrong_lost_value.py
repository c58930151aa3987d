# The classic mistake: the old value of left is lost.
left = input()
middle = input()
right = input()
print("Before:", left, "|", middle, "|", right)
left = right
right = left
print("Swap:", left, "|", middle, "|", right)
left = middle
middle = right
right = left
print("Rotate:", left, "|", middle, "|", right)
