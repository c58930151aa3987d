# My first program: it says hello.
print("Hello, world!")
print("My name is Python.")
print("I can count:", 1, 2, 3)  # print puts spaces between the values
