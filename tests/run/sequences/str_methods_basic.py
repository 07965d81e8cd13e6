s = "Hello, World"
print(s.upper(), s.lower(), s.split(", "), "-".join(["a", "b", "c"]))
print(s.replace("l", "L"), s.find("World"), s.startswith("Hell"), s.strip("Hd"))
print(len(s) if False else s[7:], s[0])
