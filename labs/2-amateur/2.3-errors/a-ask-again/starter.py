while True:
    n = int(input("How many tickets? "))
    print(f"You bought {n} tickets for {n * 4} euros")
    break
