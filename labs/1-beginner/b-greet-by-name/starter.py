name = input("What is your name? ")
age = input("How old are you? ")

print("Hello, " + name + "!")
# Now print how old the person will be next year.
