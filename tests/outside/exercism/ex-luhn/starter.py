class Luhn:
    def __init__(self, card_num):
        self.card_num = card_num

    def valid(self):
        # return True when the number passes the Luhn check
        pass
