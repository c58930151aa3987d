# Counts empty lines as guesses.
secret = int(input())
guesses = 0
while True:
    line = input()
    guesses += 1
    if line == "":
        continue
    if line == "quit":
        print(f"The number was {secret}.")
        break
    guess = int(line)
    if guess < secret:
        print("Too low!")
    elif guess > secret:
        print("Too high!")
    else:
        print(f"Correct! Guesses: {guesses}")
        break
