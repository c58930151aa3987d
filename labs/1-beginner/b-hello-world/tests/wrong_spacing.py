# count without spaces
print("Hello, world!")
print("My name is Python.")
print("I can count:", "123")
