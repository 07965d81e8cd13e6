x = 3.14159
name = "world"
print(f"hello {name}!", f"{x:.2f}", f"{x!r}", f"{name!r:>10}", f"{42:08b}", f"{'a' + 'b'}", f"{x=}")
print(f"{1000000:,}", f"{0.25:.1%}", f"{-5:+d}", f"{'mid':^9}|", f"{12:{'>'}{5}}")
class P:
    def __format__(self, spec):
        return "P(" + spec + ")"
print(f"{P():xyz}", format(P(), "q"), f"{{literal}}")
