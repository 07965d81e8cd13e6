print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "same" == "same", "a" != "b")
print("é" > "e", "日本" < "日本語")
