"""A different correct solution: one print with newlines."""
# says hello
print("Hello, world!\nMy name is Python.\nI can count: 1 2 3")
