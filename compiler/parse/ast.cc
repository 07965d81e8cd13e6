// ast.cc — AstContext arena and the name tables of the AST enums.
#include "parse/ast.h"

#include <cstdlib>

namespace molt::ast {

std::string_view operator_name(Operator op) {
  switch (op) {
    case Operator::Add: return "Add";
    case Operator::Sub: return "Sub";
    case Operator::Mult: return "Mult";
    case Operator::MatMult: return "MatMult";
    case Operator::Div: return "Div";
    case Operator::Mod: return "Mod";
    case Operator::Pow: return "Pow";
    case Operator::LShift: return "LShift";
    case Operator::RShift: return "RShift";
    case Operator::BitOr: return "BitOr";
    case Operator::BitXor: return "BitXor";
    case Operator::BitAnd: return "BitAnd";
    case Operator::FloorDiv: return "FloorDiv";
  }
  return "?";
}

std::string_view unary_operator_name(UnaryOperator op) {
  switch (op) {
    case UnaryOperator::Invert: return "Invert";
    case UnaryOperator::Not: return "Not";
    case UnaryOperator::UAdd: return "UAdd";
    case UnaryOperator::USub: return "USub";
  }
  return "?";
}

std::string_view bool_operator_name(BoolOperator op) {
  switch (op) {
    case BoolOperator::And: return "And";
    case BoolOperator::Or: return "Or";
  }
  return "?";
}

std::string_view cmp_op_name(CmpOp op) {
  switch (op) {
    case CmpOp::Eq: return "Eq";
    case CmpOp::NotEq: return "NotEq";
    case CmpOp::Lt: return "Lt";
    case CmpOp::LtE: return "LtE";
    case CmpOp::Gt: return "Gt";
    case CmpOp::GtE: return "GtE";
    case CmpOp::Is: return "Is";
    case CmpOp::IsNot: return "IsNot";
    case CmpOp::In: return "In";
    case CmpOp::NotIn: return "NotIn";
  }
  return "?";
}

std::string_view expr_context_name(ExprContext ctx) {
  switch (ctx) {
    case ExprContext::Load: return "Load";
    case ExprContext::Store: return "Store";
    case ExprContext::Del: return "Del";
  }
  return "?";
}

namespace {
struct KindInfo {
  std::string_view name;
  Category category;
  bool has_pos;
};
constexpr KindInfo kKindInfo[] = {
#define MOLT_AST_NODE(name, category, has_pos, fields) {#name, Category::category, has_pos != 0},
#include "parse/ast_nodes.def"
#undef MOLT_AST_NODE
};
}  // namespace

std::string_view node_kind_name(NodeKind kind) { return kKindInfo[static_cast<size_t>(kind)].name; }
Category category_of(NodeKind kind) { return kKindInfo[static_cast<size_t>(kind)].category; }
bool has_position(NodeKind kind) { return kKindInfo[static_cast<size_t>(kind)].has_pos; }

AstContext::~AstContext() {
  while (chunks_) {
    Chunk* next = chunks_->next;
    std::free(chunks_);
    chunks_ = next;
  }
}

void* AstContext::allocate(size_t size, size_t align) {
  uintptr_t p = (reinterpret_cast<uintptr_t>(cur_) + align - 1) & ~(uintptr_t)(align - 1);
  if (cur_ == nullptr || p + size > reinterpret_cast<uintptr_t>(end_)) {
    size_t chunk_size = size + align + sizeof(Chunk) > 64 * 1024 ? size + align + sizeof(Chunk) : 64 * 1024;
    Chunk* chunk = static_cast<Chunk*>(std::malloc(chunk_size));
    if (!chunk) std::abort();
    chunk->next = chunks_;
    chunk->size = chunk_size;
    chunks_ = chunk;
    cur_ = reinterpret_cast<char*>(chunk + 1);
    end_ = reinterpret_cast<char*>(chunk) + chunk_size;
    p = (reinterpret_cast<uintptr_t>(cur_) + align - 1) & ~(uintptr_t)(align - 1);
  }
  cur_ = reinterpret_cast<char*>(p + size);
  return reinterpret_cast<void*>(p);
}

std::string_view AstContext::copy_string(std::string_view s) {
  if (s.empty()) return std::string_view("", 0);
  char* mem = static_cast<char*>(allocate(s.size(), 1));
  std::memcpy(mem, s.data(), s.size());
  return std::string_view(mem, s.size());
}

std::string_view AstContext::intern(std::string_view s) {
  auto it = interned_.find(s);
  if (it != interned_.end()) return *it;
  std::string_view copy = copy_string(s);
  if (copy.data() == nullptr || s.empty()) copy = std::string_view("", 0);
  interned_.insert(copy);
  return copy;
}

}  // namespace molt::ast
