# close(), throw(), finally blocks, GeneratorExit and PEP 479.
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


f = fin()
print(next(f))
f.close()
f.close()
print("closed twice")
f = fin()
print(next(f))
del f
print("after del")
unstarted = fin()
unstarted.close()
print("unstarted closed without cleanup")


def thrower():
    try:
        yield 1
    except ValueError as ex:
        print("caught", ex)
        yield 99
    yield 100


t = thrower()
next(t)
print(t.throw(ValueError("boom")))
print(next(t))
try:
    t.throw(KeyError, KeyError("x"))
except KeyError as ex:
    print("propagated", repr(ex))
try:
    next(t)
except StopIteration:
    print("finished after throw")


def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring exit")


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as ex:
    print("RuntimeError:", ex)


def returns_in_finally():
    try:
        yield 1
    finally:
        return "swallowed"


r = returns_in_finally()
next(r)
r.close()
print("close with return in finally ok")


def bad():
    yield 1
    raise StopIteration("oops")


try:
    list(bad())
except RuntimeError as ex:
    print("RuntimeError:", ex, "| cause:", repr(ex.__cause__))


def fresh_throw():
    yield 1


ft = fresh_throw()
try:
    ft.throw(IndexError("first"))
except IndexError as ex:
    print("fresh throw", ex)
print(list(ft))


def running():
    yield me.send(None)


me = running()
try:
    next(me)
except ValueError as ex:
    print("ValueError:", ex)


def exit_catcher():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise


ec = exit_catcher()
next(ec)
ec.close()


def handled_state():
    try:
        raise KeyError("a")
    except KeyError:
        yield 1
        raise


h = handled_state()
next(h)
try:
    next(h)
except KeyError as ex:
    print("re-raised after resume", repr(ex))
