foo(bar(1,
  2)
