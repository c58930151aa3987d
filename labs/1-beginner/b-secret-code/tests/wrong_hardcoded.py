def shout(text):
    return "HELLO AGENT!"


def initials(full_name):
    return "A.L." if full_name == "ada lovelace" else "J.T.K."


def is_palindrome(text):
    return text.startswith("Never")


def censor(text, secret):
    return "the code is ****, ****!"
