# Forgets EOFError (crashes when the input runs out) and accepts 0.
while True:
    text = input("How many tickets? ")
    try:
        n = int(text)
    except ValueError:
        print(f"Not a number: {text}")
    else:
        if 0 <= n <= 10:
            print(f"You bought {n} tickets for {n * 4} euros")
            break
        print("Choose 1 to 10")
