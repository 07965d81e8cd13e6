// run_wasm.mjs — runs a Molt wasm32-wasi program under Node's WASI preview1.
//
// Usage: node --no-warnings run_wasm.mjs PROGRAM.wasm [args...]
// The program sees argv[0] = PROGRAM.wasm and the remaining arguments, the
// process environment, and the current directory preopened as ".". Its exit
// status becomes ours; a wasm trap (unreachable, out-of-bounds, stack
// exhaustion) exits 134, as an abort() would natively.
import { WASI } from 'node:wasi';
import { readFileSync } from 'node:fs';

const [wasmPath, ...args] = process.argv.slice(2);
if (!wasmPath) {
  process.stderr.write('usage: run_wasm.mjs PROGRAM.wasm [args...]\n');
  process.exit(2);
}
const wasi = new WASI({
  version: 'preview1',
  args: [wasmPath, ...args],
  env: process.env,
  preopens: { '.': process.cwd() },
  returnOnExit: true,
});
let code;
try {
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  code = wasi.start(instance);
} catch (err) {
  process.stderr.write(`wasm trap: ${err && err.message ? err.message : err}\n`);
  code = 134;
}
process.exitCode = code;
