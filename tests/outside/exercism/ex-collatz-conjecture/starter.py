def steps(number):
    # count the steps to reach 1; raise ValueError for numbers below 1
    pass
