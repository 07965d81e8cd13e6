# error: 2:1: 'async def' is not supported by Molt yet
async def f():
    pass
