# Forgets to stop after the right guess: reads on until the input runs out.
import sys

secret = int(input())
guesses = 0
for line in sys.stdin:
    line = line.strip()
    if line == "":
        continue
    if line == "quit":
        print(f"The number was {secret}.")
        continue
    if not line.lstrip("-").isdigit():
        continue
    guess = int(line)
    guesses += 1
    if guess < secret:
        print("Too low!")
    elif guess > secret:
        print("Too high!")
    else:
        print(f"Correct! Guesses: {guesses}")
