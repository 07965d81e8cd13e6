// cli.cc — `molt` top-level usage, --help/--version, subcommand dispatch.
#include "driver/cli.h"

#include <stdio.h>
#include <string.h>

#include "driver/commands.h"

namespace molt::driver {

namespace {

const char kVersion[] = "molt " MOLT_VERSION " (Python 3.12 subset; LLVM 19)";

const char kUsage[] =
    "usage: molt <command> [options] [arguments]\n"
    "\n"
    "Molt compiles Python 3.12 programs into standalone native executables and\n"
    "wasm32-wasi modules, with CPython's behaviour.\n"
    "\n"
    "commands:\n"
    "  run FILE [ARGS...]     compile FILE (cached) and run it with ARGS\n"
    "  build FILE             compile FILE into an executable (-o OUT)\n"
    "  parse FILE             print FILE's syntax tree as CPython's ast.dump does\n"
    "  diff FILE|DIR...       run programs under Molt and CPython 3.12 and compare\n"
    "  doctor                 check the toolchain and the reference interpreter\n"
    "  help [COMMAND]         show help for a command\n"
    "\n"
    "options:\n"
    "  -h, --help             show this help\n"
    "  --version              show the version\n"
    "\n"
    "Run `molt help <command>` or `molt <command> --help` for a command's options.\n";

}  // namespace

int usage_error(const std::string& command, const std::string& message) {
  fprintf(stderr, "molt%s%s: error: %s\n", command.empty() ? "" : " ", command.c_str(), message.c_str());
  if (command.empty()) {
    fputs(kUsage, stderr);
  } else {
    fprintf(stderr, "Run `molt %s --help` for usage.\n", command.c_str());
  }
  return 2;
}

int run_cli(int argc, char** argv) {
  Args args(argv + 1, argv + argc);
  if (args.empty()) return usage_error("", "missing command");
  std::string cmd = args[0];
  Args rest(args.begin() + 1, args.end());
  if (cmd == "-h" || cmd == "--help") {
    fputs(kUsage, stdout);
    return 0;
  }
  if (cmd == "--version" || cmd == "-V") {
    printf("%s\n", kVersion);
    return 0;
  }
  if (cmd == "help") {
    if (rest.empty()) {
      fputs(kUsage, stdout);
      return 0;
    }
    cmd = rest[0];
    rest = {"--help"};
  }
  if (cmd == "run") return cmd_run(rest);
  if (cmd == "build") return cmd_build(rest);
  if (cmd == "parse") return cmd_parse(rest);
  if (cmd == "diff") return cmd_diff(rest);
  if (cmd == "doctor") return cmd_doctor(rest);
  return usage_error("", "unknown command '" + cmd + "'");
}

}  // namespace molt::driver
