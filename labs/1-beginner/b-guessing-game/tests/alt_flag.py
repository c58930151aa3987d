secret = int(input())
count = 0
playing = True
while playing:
    text = input().strip()
    if not text:
        continue
    elif text == "quit":
        print("The number was " + str(secret) + ".")
        playing = False
    else:
        count = count + 1
        number = int(text)
        if number == secret:
            print("Correct! Guesses:", count)
            playing = False
        elif number < secret:
            print("Too low!")
        else:
            print("Too high!")
