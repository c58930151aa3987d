def safe_divide(a, b):
    return a / b


def to_number(text):
    return int(text)


def average_with_log(values, log):
    log.append("start")
    return sum(values) / len(values)
