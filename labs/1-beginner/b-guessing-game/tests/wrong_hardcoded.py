print("Too low!")
print("Too high!")
print("Correct! Guesses: 3")
