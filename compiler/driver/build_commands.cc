// build_commands.cc — `molt run`, `molt build` and `molt parse`, and the
// content-addressed build cache they share.
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag/diagnostics.h"
#include "driver/commands.h"
#include "driver/pipeline.h"
#include "driver/toolchain.h"
#include "parse/dump.h"
#include "parse/parser.h"
#include "support/fs.h"
#include "support/process.h"
#include "support/sha256.h"

namespace molt::driver {

namespace {

const char kRunHelp[] =
    "usage: molt run [options] FILE [ARGS...]\n"
    "\n"
    "Compile FILE (reusing a cached build when neither FILE nor molt changed)\n"
    "and run it with ARGS. The exit status is the program's.\n"
    "\n"
    "options:\n"
    "  --target native|wasm   run natively (default) or as wasm32-wasi under Node.js\n"
    "  --release              optimise harder (-O3)\n"
    "  --dev                  compile fast, optimise little (-O0)\n"
    "  --no-cache             always recompile\n"
    "  -h, --help             show this help\n";

const char kBuildHelp[] =
    "usage: molt build [options] FILE\n"
    "\n"
    "Compile FILE into a standalone executable (or a .wasm module).\n"
    "\n"
    "options:\n"
    "  -o OUT                 output path (default: FILE without .py, or FILE.wasm)\n"
    "  --target native|wasm   native executable (default) or wasm32-wasi module\n"
    "  --release              optimise harder and strip symbols\n"
    "  --dev                  compile fast, optimise little\n"
    "  --emit=STAGE           stop after STAGE and print it: tokens, ast, ssa, llvm\n"
    "  --verify-each          verify the SSA after every pass\n"
    "  -h, --help             show this help\n";

const char kParseHelp[] =
    "usage: molt parse [--dump] [--no-attributes] FILE\n"
    "\n"
    "Parse FILE and print its syntax tree exactly as CPython 3.12's\n"
    "ast.dump(ast.parse(source), include_attributes=True) does.\n"
    "\n"
    "options:\n"
    "  --dump                 print the tree (the default)\n"
    "  --no-attributes        omit line/column attributes (include_attributes=False)\n"
    "  -h, --help             show this help\n";

/// Options common to run and build.
struct TargetFlags {
  bool wasm = false;
  int opt_level = 2;
  bool release = false;
};

/// Consumes a target/optimisation flag; returns 1 if taken, 0 if not a
/// flag of this kind, -1 on a usage error (already reported).
int take_target_flag(const std::string& cmd, const Args& args, size_t& i, TargetFlags& flags) {
  const std::string& a = args[i];
  std::string target;
  if (a == "--target") {
    if (i + 1 >= args.size()) {
      usage_error(cmd, "--target needs a value (native or wasm)");
      return -1;
    }
    target = args[++i];
  } else if (a.rfind("--target=", 0) == 0) {
    target = a.substr(9);
  } else if (a == "--release") {
    flags.release = true;
    flags.opt_level = 3;
    return 1;
  } else if (a == "--dev") {
    flags.opt_level = 0;
    return 1;
  } else if (a.size() == 3 && a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3') {
    flags.opt_level = a[2] - '0';
    return 1;
  } else {
    return 0;
  }
  if (target == "native") {
    flags.wasm = false;
  } else if (target == "wasm" || target == "wasm32" || target == "wasm32-wasi") {
    flags.wasm = true;
  } else {
    usage_error(cmd, "unknown target '" + target + "' (expected native or wasm)");
    return -1;
  }
  return 1;
}

std::string identity_of(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return path + ":missing";
  return path + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace

std::vector<std::string> program_command(const std::string& program, bool wasm, const Args& program_args) {
  std::vector<std::string> argv;
  if (wasm) {
    argv = {find_node(), "--no-warnings", lib_dir() + "/run_wasm.mjs", program};
  } else {
    argv = {program};
  }
  argv.insert(argv.end(), program_args.begin(), program_args.end());
  return argv;
}

int build_cached(const std::string& file, bool wasm, int opt_level, bool python_diagnostics, std::string* program) {
  std::string source, error;
  if (!support::read_file(file, &source, &error)) {
    fprintf(stderr, "molt: error: cannot open '%s': %s\n", file.c_str(), error.c_str());
    return 1;
  }
  support::Sha256 key;
  key.update(MOLT_VERSION "\n");
  key.update(identity_of(support::executable_path()) + "\n");
  key.update(identity_of(runtime_bitcode(wasm)) + "\n");
  key.update(identity_of(runtime_archive(wasm)) + "\n");
  key.update(std::string(wasm ? "wasm32" : "native") + "\n" + std::to_string(opt_level) + "\n");
  key.update(std::to_string(python_diagnostics) + "\n" + file + "\n");
  key.update(source);
  std::string digest = key.hex_digest();
  std::string dir = cache_dir() + "/" + digest.substr(0, 2);
  std::string out = dir + "/" + digest + (wasm ? ".wasm" : ".exe");
  *program = out;
  if (support::file_exists(out)) return 0;
  if (!support::make_dirs(dir, &error)) {
    fprintf(stderr, "molt: error: cannot create the cache directory: %s\n", error.c_str());
    return 1;
  }
  CompileOptions options;
  options.input = file;
  options.output = out + ".partial." + std::to_string(getpid());
  options.target = wasm ? codegen::Target::Wasm32 : codegen::Target::Native;
  options.opt_level = opt_level;
  options.diag_style = python_diagnostics ? DiagStyle::Python : DiagStyle::Compiler;
  std::string unused;
  int status = compile(options, &unused);
  if (status != 0) {
    unlink(options.output.c_str());
    return status;
  }
  if (rename(options.output.c_str(), out.c_str()) != 0) {
    fprintf(stderr, "molt: error: cannot write %s: %s\n", out.c_str(), strerror(errno));
    return 1;
  }
  return 0;
}

int cmd_run(const Args& args) {
  TargetFlags flags;
  bool no_cache = false;
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      fputs(kRunHelp, stdout);
      return 0;
    }
    int taken = take_target_flag("run", args, i, flags);
    if (taken < 0) return 2;
    if (taken) continue;
    if (a == "--no-cache") {
      no_cache = true;
      continue;
    }
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() > 1 && a[0] == '-') return usage_error("run", "unknown option '" + a + "'");
    break;
  }
  if (i >= args.size()) return usage_error("run", "missing FILE");
  std::string file = args[i];
  Args program_args(args.begin() + static_cast<long>(i) + 1, args.end());
  if (flags.wasm && find_node().empty()) {
    fprintf(stderr, "molt run: error: Node.js (node) is needed to run wasm programs and is not on PATH\n");
    return 1;
  }
  std::string program;
  if (no_cache) {
    program = support::temp_path("run") + (flags.wasm ? ".wasm" : "");
    CompileOptions options;
    options.input = file;
    options.output = program;
    options.target = flags.wasm ? codegen::Target::Wasm32 : codegen::Target::Native;
    options.opt_level = flags.opt_level;
    options.diag_style = DiagStyle::Python;
    std::string unused;
    if (int status = compile(options, &unused); status != 0) return status;
    // The temporary program is left for the OS to clean: exec replaces us.
  } else if (int status = build_cached(file, flags.wasm, flags.opt_level, true, &program); status != 0) {
    return status;
  }
  std::vector<std::string> argv = program_command(program, flags.wasm, program_args);
  fflush(stdout);
  fflush(stderr);
  support::exec_process(argv);
  fprintf(stderr, "molt run: error: cannot execute %s: %s\n", argv[0].c_str(), strerror(errno));
  return 1;
}

int cmd_build(const Args& args) {
  TargetFlags flags;
  CompileOptions options;
  std::string file;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      fputs(kBuildHelp, stdout);
      return 0;
    }
    int taken = take_target_flag("build", args, i, flags);
    if (taken < 0) return 2;
    if (taken) continue;
    if (a == "-o") {
      if (i + 1 >= args.size()) return usage_error("build", "-o needs a path");
      options.output = args[++i];
    } else if (a.rfind("--emit=", 0) == 0 || a == "--emit") {
      std::string stage = a == "--emit" ? (i + 1 < args.size() ? args[++i] : "") : a.substr(7);
      if (stage == "tokens") {
        options.emit = Emit::Tokens;
      } else if (stage == "ast") {
        options.emit = Emit::Ast;
      } else if (stage == "ssa") {
        options.emit = Emit::Ssa;
      } else if (stage == "llvm") {
        options.emit = Emit::Llvm;
      } else {
        return usage_error("build", "unknown --emit stage '" + stage + "' (expected tokens, ast, ssa or llvm)");
      }
    } else if (a == "--verify-each") {
      options.verify_each = true;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("build", "unknown option '" + a + "'");
    } else if (file.empty()) {
      file = a;
    } else {
      return usage_error("build", "more than one input file ('" + file + "' and '" + a + "')");
    }
  }
  if (file.empty()) return usage_error("build", "missing FILE");
  options.input = file;
  options.target = flags.wasm ? codegen::Target::Wasm32 : codegen::Target::Native;
  options.opt_level = flags.opt_level;
  options.strip = flags.release;
  if (options.output.empty()) {
    std::string base = file.size() > 3 && file.compare(file.size() - 3, 3, ".py") == 0
                           ? file.substr(0, file.size() - 3)
                           : file + ".out";
    options.output = flags.wasm ? base + ".wasm" : base;
  }
  std::string emitted;
  int status = compile(options, &emitted);
  fputs(emitted.c_str(), stdout);
  return status;
}

int cmd_parse(const Args& args) {
  bool attributes = true;
  std::string file;
  for (const std::string& a : args) {
    if (a == "-h" || a == "--help") {
      fputs(kParseHelp, stdout);
      return 0;
    }
    if (a == "--dump") continue;
    if (a == "--no-attributes") {
      attributes = false;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("parse", "unknown option '" + a + "'");
    } else if (file.empty()) {
      file = a;
    } else {
      return usage_error("parse", "more than one input file");
    }
  }
  if (file.empty()) return usage_error("parse", "missing FILE");
  std::string text, error;
  if (!support::read_file(file, &text, &error)) {
    fprintf(stderr, "molt: error: cannot open '%s': %s\n", file.c_str(), error.c_str());
    return 1;
  }
  diag::SourceFile source(file, std::move(text));
  diag::DiagnosticEngine diags;
  ast::AstContext ctx;
  ast::ModuleNode* module = parse::parse_module(source, ctx, diags);
  if (module == nullptr || diags.has_errors()) {
    for (const diag::Diagnostic& d : diags.all()) fputs(diag::render_compiler_style(source, d).c_str(), stderr);
    return 1;
  }
  std::string out = parse::dump(module, attributes);
  out += "\n";
  fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace molt::driver
