try:
    while True:
        text = input("How many tickets? ")
        try:
            n = int(text)
        except ValueError:
            print(f"Not a number: {text}")
        else:
            if 1 <= n <= 10:
                print(f"You bought {n} tickets for {n * 4} euros")
                break
            print("Choose 1 to 10")
except EOFError:
    print("No tickets bought")
