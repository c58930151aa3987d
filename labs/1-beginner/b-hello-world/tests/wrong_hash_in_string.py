"""Wrong (a cheat): the only "#" is inside a text, and a text is not a comment."""
print("Hello, world!")
print("My name is Python.")
print("I can count: 1 2 3")
note = "# this is a text, not a comment"
