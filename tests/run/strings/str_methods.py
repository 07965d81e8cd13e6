s = "  Hello, World  "
print(s.strip(), s.lstrip(), s.rstrip(), s.lower(), s.upper(), s.title(), s.swapcase())
print("a,b,,c".split(","), "a b  c".split(), "x".join(["1", "2", "3"]), "abc".replace("b", "B"))
print("hello".find("l"), "hello".rfind("l"), "hello".count("l"), "hello".index("e"))
print("hello".startswith(("he", "x")), "hello".endswith("lo"), "42".isdigit(), "ab".isalpha())
print("abc".center(9, "*"), "abc".ljust(5) + "|", "abc".rjust(5), "42".zfill(5), "-42".zfill(5))
print("a-b-c".partition("-"), "a-b-c".rpartition("-"), "line1\nline2\r\nline3".splitlines())
print("ß".upper(), "ΣΑΣ".lower(), "hello world".capitalize(), "tab\there".expandtabs(4))
print("{} + {} = {}".format(1, 2, 3), "{name}:{0}".format("x", name="n"), "%s=%d (%.2f%%)" % ("k", 5, 12.345))
print("x" in "xyz", "abc"[1], "abcdef"[1:5:2], "abc"[::-1], list("héllo"))
try:
    "abc".index("z")
except ValueError as e:
    print(e)
