def classify(number):
    # return "perfect", "abundant" or "deficient"; raise ValueError below 1
    pass
