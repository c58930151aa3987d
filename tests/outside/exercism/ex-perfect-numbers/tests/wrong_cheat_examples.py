def classify(number):
    return {6: "perfect", 28: "perfect", 12: "abundant"}.get(number, "deficient")
