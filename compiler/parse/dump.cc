// dump.cc — ast.dump for Molt's AST.
//
// Driven by a field table generated from ast_nodes.def (name, kind and an
// accessor per field), and iterative with an explicit stack, so that trees
// as deep as the parser accepts (kMaxAstDepth) dump without deep C++
// recursion, even in sanitizer builds.
#include "parse/dump.h"

#include <charconv>
#include <vector>

#include "lex/py_repr.h"
#include "parse/const_repr.h"

namespace molt::parse {

using namespace ast;

namespace {

enum class FK : uint8_t {
  Expr,
  ExprOpt,
  Exprs,
  Stmts,
  Node,
  NodeOpt,
  Nodes,
  Ident,
  IdentOpt,
  Idents,
  StrOpt,
  Const,
  Int,
  IntOpt,
  Op,
  UnaryOp,
  BoolOp,
  Ctx,
  CmpOps,
};

struct FieldDesc {
  const char* name;
  FK kind;
  const void* (*get)(const ast::Node*);
};

// One table per node kind, terminated by a null name.
#define F(k, nm) \
  {#nm, FK::k, [](const ast::Node* n) -> const void* { return &static_cast<const Self*>(n)->nm; }},
#define MOLT_AST_NODE(NAME, category, has_pos, fields)                        \
  struct NAME##Fields {                                                       \
    using Self = NAME##Node;                                                  \
    static constexpr FieldDesc table[] = {fields{nullptr, FK::Int, nullptr}}; \
  };
#include "parse/ast_nodes.def"
#undef MOLT_AST_NODE
#undef F

const FieldDesc* fields_of(NodeKind kind) {
  switch (kind) {
#define MOLT_AST_NODE(NAME, category, has_pos, fields) \
  case NodeKind::NAME:                                 \
    return NAME##Fields::table;
#include "parse/ast_nodes.def"
#undef MOLT_AST_NODE
  }
  return nullptr;
}

bool is_list(FK k) {
  return k == FK::Exprs || k == FK::Stmts || k == FK::Nodes;
}

class Dumper {
 public:
  explicit Dumper(bool attrs) : attrs_(attrs) {}
  std::string take() { return std::move(out_); }

  void run(const ast::Node* root) {
    if (!root) {
      out_ += "None";
      return;
    }
    open(root);
    while (!stack_.empty()) step();
  }

 private:
  struct Frame {
    const ast::Node* node;
    const FieldDesc* field;  // next field to print
    uint32_t index;          // next element of a list field
    bool need_sep;
  };

  void open(const ast::Node* n) {
    out_ += node_kind_name(n->kind);
    out_ += '(';
    stack_.push_back(Frame{n, fields_of(n->kind), 0, false});
  }

  void key(Frame& f, const char* name) {
    if (f.need_sep) out_ += ", ";
    f.need_sep = true;
    out_ += name;
    out_ += '=';
  }

  void num(int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, static_cast<size_t>(r.ptr - buf));
  }

  // Prints fields of the top frame until a child node has to be opened or
  // the node is finished.
  void step() {
    Frame& f = stack_.back();
    for (; f.field->name != nullptr; ++f.field) {
      const FieldDesc& d = *f.field;
      const void* p = d.get(f.node);
      if (is_list(d.kind)) {
        const NodeList& l = *static_cast<const NodeList*>(p);
        if (f.index == 0) {
          key(f, d.name);
          out_ += '[';
        }
        while (f.index < l.size) {
          const ast::Node* child = l[f.index];
          if (f.index > 0) out_ += ", ";
          ++f.index;
          if (!child) {
            out_ += "None";
            continue;
          }
          open(child);
          return;
        }
        out_ += ']';
        f.index = 0;
        continue;
      }
      switch (d.kind) {
        case FK::Expr:
        case FK::Node:
        case FK::ExprOpt:
        case FK::NodeOpt: {
          const ast::Node* child = *static_cast<ast::Node* const*>(p);
          bool optional = d.kind == FK::ExprOpt || d.kind == FK::NodeOpt;
          if (!child) {
            if (!optional) {
              key(f, d.name);
              out_ += "None";
            }
            break;
          }
          key(f, d.name);
          ++f.field;
          open(child);
          return;
        }
        case FK::Ident:
        case FK::IdentOpt:
        case FK::StrOpt: {
          std::string_view s = *static_cast<const std::string_view*>(p);
          if (s.data() == nullptr && d.kind != FK::Ident) break;
          key(f, d.name);
          lex::append_repr_str(out_, s);
          break;
        }
        case FK::Idents: {
          const IdentList& l = *static_cast<const IdentList*>(p);
          key(f, d.name);
          out_ += '[';
          for (uint32_t i = 0; i < l.size; ++i) {
            if (i) out_ += ", ";
            lex::append_repr_str(out_, l[i]);
          }
          out_ += ']';
          break;
        }
        case FK::Const:
          key(f, d.name);
          append_const_repr(out_, *static_cast<const ConstValue*>(p));
          break;
        case FK::Int:
        case FK::IntOpt: {
          int32_t v = *static_cast<const int32_t*>(p);
          if (d.kind == FK::IntOpt && v < 0) break;
          key(f, d.name);
          num(v);
          break;
        }
        case FK::Op:
          key(f, d.name);
          out_ += operator_name(*static_cast<const Operator*>(p));
          out_ += "()";
          break;
        case FK::UnaryOp:
          key(f, d.name);
          out_ += unary_operator_name(*static_cast<const UnaryOperator*>(p));
          out_ += "()";
          break;
        case FK::BoolOp:
          key(f, d.name);
          out_ += bool_operator_name(*static_cast<const BoolOperator*>(p));
          out_ += "()";
          break;
        case FK::Ctx:
          key(f, d.name);
          out_ += expr_context_name(*static_cast<const ExprContext*>(p));
          out_ += "()";
          break;
        case FK::CmpOps: {
          const CmpOpList& l = *static_cast<const CmpOpList*>(p);
          key(f, d.name);
          out_ += '[';
          for (uint32_t i = 0; i < l.size; ++i) {
            if (i) out_ += ", ";
            out_ += cmp_op_name(l[i]);
            out_ += "()";
          }
          out_ += ']';
          break;
        }
        case FK::Exprs:
        case FK::Stmts:
        case FK::Nodes: break;  // handled above
      }
    }
    const ast::Node* n = f.node;
    if (attrs_ && has_position(n->kind)) {
      if (f.need_sep) out_ += ", ";
      out_ += "lineno=";
      num(n->lineno);
      out_ += ", col_offset=";
      num(n->col_offset);
      out_ += ", end_lineno=";
      num(n->end_lineno);
      out_ += ", end_col_offset=";
      num(n->end_col_offset);
    }
    out_ += ')';
    stack_.pop_back();
  }

  std::string out_;
  bool attrs_;
  std::vector<Frame> stack_;
};

}  // namespace

std::string dump(const ast::Node* node, bool include_attributes) {
  Dumper d(include_attributes);
  d.run(node);
  return d.take();
}

}  // namespace molt::parse
