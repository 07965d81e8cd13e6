x = [y async for y in z]
