seconds = int(input())
minutes, seconds = divmod(seconds, 60)
hours, minutes = divmod(minutes, 60)
print(str(hours) + " h " + str(minutes) + " min " + str(seconds) + " s")
mm = str(minutes)
if len(mm) < 2:
    mm = "0" + mm
ss = str(seconds).zfill(2)
print("Clock: " + str(hours) + ":" + mm + ":" + ss)
