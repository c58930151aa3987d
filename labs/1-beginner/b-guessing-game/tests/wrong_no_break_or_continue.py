# Plays correctly, but with a flag and nested if/else instead of break or continue.
secret = int(input())
guesses = 0
playing = True
while playing:
    line = input()
    if line == "quit":
        print(f"The number was {secret}.")
        playing = False
    elif line != "":
        guess = int(line)
        guesses += 1
        if guess < secret:
            print("Too low!")
        elif guess > secret:
            print("Too high!")
        else:
            print(f"Correct! Guesses: {guesses}")
            playing = False
