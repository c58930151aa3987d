PRICE = 4


def ask():
    while True:
        try:
            answer = input("Tickets (1-10)? ")
        except EOFError:
            return None
        try:
            number = int(answer)
        except ValueError:
            print("Not a number: " + answer)
            continue
        if number < 1 or number > 10:
            print("Choose 1 to 10")
        else:
            return number


tickets = ask()
if tickets is None:
    print("No tickets bought")
else:
    print("You bought", tickets, "tickets for", tickets * PRICE, "euros")
