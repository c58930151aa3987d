print("Hello, world!")
print("My name is Python.")
print("I can count: 1 2 3")
