secret = int(input())
guesses = 0

while True:
    line = input()
    guess = int(line)
    guesses = guesses + 1
    if guess < secret:
        print("Too low!")
    # What about too high, correct, empty lines and "quit"?
