# Does not move anything: prints the cups in the order they end up in.
left = input()
middle = input()
right = input()
print(f"Before: {left} | {middle} | {right}")
print(f"Swap: {right} | {middle} | {left}")
print(f"Rotate: {middle} | {left} | {right}")
