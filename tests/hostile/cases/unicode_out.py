# expect: ok
# stdout-has: héllo ✓ 日本語 🐍
print("héllo ✓ 日本語 🐍")
