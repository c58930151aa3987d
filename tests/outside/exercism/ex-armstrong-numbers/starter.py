def is_armstrong_number(number):
    # return True when number is the sum of its digits, each to the power of the digit count
    pass
