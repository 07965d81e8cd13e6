print("héllo wörld")
print("日本語", "emoji: 😀")
print("Ω" + "≈" * 3)
