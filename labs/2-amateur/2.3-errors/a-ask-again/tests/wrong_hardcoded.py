print("Not a number: three")
print("Choose 1 to 10")
print("You bought 3 tickets for 12 euros")
