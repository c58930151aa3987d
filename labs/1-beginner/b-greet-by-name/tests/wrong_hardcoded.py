# Wrong: hard-codes the examples.
name = input()
age = input()
if name == "Ada":
    print("Hello, Ada!")
    print("Next year you will be 13.")
else:
    print("Hello, Bob!")
    print("Next year you will be 10.")
