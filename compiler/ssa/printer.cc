// printer.cc — renders SSA functions as text for --emit=ssa and golden tests.
//
// Format (one instruction per line):
//   function @name(params) [module_body] {
//   bb0:                                  ; preds: bb1, bb2
//     %3 = binop Add %1, %2               ; line 4
//     condbr %5, bb1, bb2
//   }
#include "ssa/printer.h"

#include <cstdio>
#include <cstring>

namespace molt::ssa {

namespace {

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7F) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string value_name(const Instr* i) { return "%" + std::to_string(i->id); }

std::string compare_name(int64_t k) {
  static const char* kNames[] = {"Lt", "Le", "Eq", "Ne", "Gt", "Ge"};
  return k >= 0 && k < 6 ? kNames[k] : "?";
}

void print_instr(std::string& out, const Instr* i) {
  out += "  ";
  if (i->type != ValueType::Void) out += value_name(i) + " = ";
  out += mnemonic(i->op);
  switch (i->op) {
    case Opcode::Param:
      out += " " + std::to_string(i->imm);
      break;
    case Opcode::ConstBool:
      out += i->imm ? " True" : " False";
      break;
    case Opcode::ConstInt:
      out += " " + i->text;
      break;
    case Opcode::ConstFloat: {
      double d;
      std::memcpy(&d, &i->imm, sizeof d);
      char buf[40];
      snprintf(buf, sizeof buf, " %.17g", d);
      out += buf;
      break;
    }
    case Opcode::ConstStr:
      out += " " + quoted(i->text);
      break;
    case Opcode::ConstKwnames:
      for (size_t k = 0; k < i->names.size(); ++k) out += (k ? ", " : " ") + quoted(i->names[k]);
      break;
    case Opcode::LoadGlobal:
    case Opcode::StoreGlobal:
    case Opcode::CheckGlobal:
      out += " @" + i->text;
      break;
    case Opcode::LoadBuiltin:
      out += " " + std::string(builtin_name(static_cast<BuiltinId>(i->imm)));
      break;
    case Opcode::CallBuiltin:
      out += " " + std::string(builtin_name(static_cast<BuiltinId>(i->imm))) + " nargs=" + std::to_string(i->aux);
      break;
    case Opcode::BinOp:
    case Opcode::InplaceOp:
      out += " " + std::string(binary_op_name(static_cast<BinaryOp>(i->imm)));
      break;
    case Opcode::UnaryOp: {
      static const char* kNames[] = {"Neg", "Pos", "Invert"};
      out += std::string(" ") + kNames[i->imm];
      break;
    }
    case Opcode::Compare:
    case Opcode::CompareBool:
      out += " " + compare_name(i->imm);
      break;
    case Opcode::CallDirect:
    case Opcode::MakeFunction:
      out += " @" + (i->callee ? i->callee->symbol : std::string("?"));
      break;
    case Opcode::Call:
      out += " nargs=" + std::to_string(i->aux);
      break;
    case Opcode::Guard:
      out += " %" + std::to_string(i->guarded ? i->guarded->id : 0) + ";";
      break;
    default:
      break;
  }
  for (size_t k = 0; k < i->operands.size(); ++k) {
    out += k == 0 ? " " : ", ";
    out += value_name(i->operands[k]);
  }
  if (i->op == Opcode::CheckBound) out += " " + quoted(i->text);
  for (int s = 0; s < i->num_successors(); ++s) {
    out += (s == 0 && i->operands.empty()) ? " " : ", ";
    out += "bb" + std::to_string(i->succ[s]->id);
  }
  if (!i->release_on_error.empty()) {
    out += " [release";
    for (const Instr* r : i->release_on_error) out += " " + value_name(r);
    out += "]";
  }
  if (i->loc.line != 0) out += "  ; line " + std::to_string(i->loc.line);
  out += "\n";
}

}  // namespace

std::string print_function(Function& fn) {
  fn.renumber();
  std::string out = "function @" + fn.symbol + "(";
  for (size_t p = 0; p < fn.param_names.size(); ++p) out += (p ? ", " : "") + fn.param_names[p];
  out += ")";
  if (fn.is_module_body) out += " module_body";
  out += " {\n";
  for (auto& bp : fn.blocks) {
    const Block* b = bp.get();
    out += "bb" + std::to_string(b->id) + ":";
    if (!b->preds.empty()) {
      out += "  ; preds:";
      for (size_t p = 0; p < b->preds.size(); ++p) out += (p ? ", bb" : " bb") + std::to_string(b->preds[p]->id);
    }
    out += "\n";
    for (const Instr* i : b->instrs) print_instr(out, i);
  }
  out += "}\n";
  return out;
}

std::string print_module(Module& module) {
  std::string out = "; module " + module.name + " (" + module.filename + ")\n";
  if (!module.globals.empty()) {
    out += "; globals:";
    for (const std::string& g : module.globals) out += " @" + g;
    out += "\n";
  }
  for (auto& fn : module.functions) out += "\n" + print_function(*fn);
  return out;
}

}  // namespace molt::ssa
