raise SystemExit("fatal: bad configuration")
