def run(fail):
    try:
        if fail:
            raise RuntimeError("boom")
        print("body ok")
    except RuntimeError as e:
        print("handler", e)
    else:
        print("else runs")
    finally:
        print("finally runs")
    print("after")

run(False)
run(True)
