// ast.h — the abstract syntax tree, mirroring CPython 3.12's `ast` module.
//
// Node structs are generated from ast_nodes.def: for a node `N` the struct is
// `NNode` (e.g. BinOpNode, IfNode, argNode; ExprNode is the expression
// *statement*). Every node starts with the common `Node` header carrying its
// kind and CPython's position attributes. Nodes, lists and strings live in an
// AstContext arena and are never freed individually; all node fields are
// trivially destructible.
//
// Conventions that mirror CPython:
//   - lineno/end_lineno are 1-based; col_offset/end_col_offset are 0-based
//     UTF-8 byte offsets.
//   - An optional child (`?` in the ASDL) is a null pointer when absent; an
//     optional identifier or string is a string_view whose data() is null.
//   - Identifiers are NFKC-normalised by the lexer and interned, so two equal
//     identifiers have the same data() pointer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace molt::ast {

enum class NodeKind : uint8_t {
#define MOLT_AST_NODE(name, category, has_pos, fields) name,
#include "parse/ast_nodes.def"
#undef MOLT_AST_NODE
};

/// The ASDL sum type a node belongs to; Product for product types.
enum class Category : uint8_t { Mod, Stmt, Expr, ExceptHandler, Pattern, TypeParam, Product };

enum class Operator : uint8_t { Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv };
enum class UnaryOperator : uint8_t { Invert, Not, UAdd, USub };
enum class BoolOperator : uint8_t { And, Or };
enum class CmpOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class ExprContext : uint8_t { Load, Store, Del };

/// CPython's class name for each enum value ("Add", "Not", "Load", ...).
std::string_view operator_name(Operator op);
std::string_view unary_operator_name(UnaryOperator op);
std::string_view bool_operator_name(BoolOperator op);
std::string_view cmp_op_name(CmpOp op);
std::string_view expr_context_name(ExprContext ctx);
/// The node's class name as CPython prints it ("BinOp", "arguments", ...).
std::string_view node_kind_name(NodeKind kind);
Category category_of(NodeKind kind);
/// True if CPython gives nodes of this kind position attributes.
bool has_position(NodeKind kind);

/// The value of a Constant node (or MatchSingleton).
enum class ConstKind : uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };
struct ConstValue {
  ConstKind kind = ConstKind::None;
  /// Int: the literal's digits without underscores, prefix kept ("0x1f",
  /// "123"). Float: the literal without underscores ("1.5e3").
  /// Complex: the imaginary literal without the trailing j ("2.5").
  /// Str: the decoded value as UTF-8; lone surrogates are encoded with the
  /// generalised UTF-8 scheme (3-byte sequences ED A0..BF xx).
  /// Bytes: the decoded bytes.
  std::string_view text;
};

/// Common header of every node.
struct Node {
  NodeKind kind;
  uint32_t lineno = 0;
  uint32_t col_offset = 0;
  uint32_t end_lineno = 0;
  uint32_t end_col_offset = 0;
};

/// An arena-allocated, immutable list.
template <class T>
struct ArenaList {
  T* data = nullptr;
  uint32_t size = 0;
  T* begin() const { return data; }
  T* end() const { return data + size; }
  bool empty() const { return size == 0; }
  T& operator[](size_t i) const { return data[i]; }
};
using NodeList = ArenaList<Node*>;
using IdentList = ArenaList<std::string_view>;
using CmpOpList = ArenaList<CmpOp>;

namespace field {
template <int>
struct Type;
}  // namespace field

// Field kinds of ast_nodes.def mapped to C++ types.
using Field_Expr = Node*;
using Field_ExprOpt = Node*;
using Field_Exprs = NodeList;
using Field_Stmts = NodeList;
using Field_Node = Node*;
using Field_NodeOpt = Node*;
using Field_Nodes = NodeList;
using Field_Ident = std::string_view;
using Field_IdentOpt = std::string_view;
using Field_Idents = IdentList;
using Field_StrOpt = std::string_view;
using Field_Const = ConstValue;
using Field_Int = int32_t;
using Field_IntOpt = int32_t;  // -1 when absent
using Field_Op = Operator;
using Field_UnaryOp = UnaryOperator;
using Field_BoolOp = BoolOperator;
using Field_Ctx = ExprContext;
using Field_CmpOps = CmpOpList;

#define F(kind, name) Field_##kind name{};
#define MOLT_AST_NODE(name, category, has_pos, fields) \
  struct name##Node : Node {                           \
    static constexpr NodeKind kKind = NodeKind::name;  \
    fields                                             \
  };
#include "parse/ast_nodes.def"
#undef MOLT_AST_NODE
#undef F

/// Checked downcast: returns null if `n` is not a T.
template <class T>
T* dyn_cast(Node* n) {
  return n && n->kind == T::kKind ? static_cast<T*>(n) : nullptr;
}
template <class T>
const T* dyn_cast(const Node* n) {
  return n && n->kind == T::kKind ? static_cast<const T*>(n) : nullptr;
}
/// Unchecked downcast; the caller knows the kind.
template <class T>
T* cast(Node* n) {
  return static_cast<T*>(n);
}
template <class T>
const T* cast(const Node* n) {
  return static_cast<const T*>(n);
}

/// Owns the memory of one parsed tree: nodes, lists and strings.
class AstContext {
 public:
  AstContext() = default;
  AstContext(const AstContext&) = delete;
  AstContext& operator=(const AstContext&) = delete;
  ~AstContext();

  /// Allocates a zero-initialised node of type T.
  template <class T>
  T* make() {
    void* mem = allocate(sizeof(T), alignof(T));
    T* node = new (mem) T();
    // Through the base: ConstantNode has a field named `kind` (Constant.kind)
    // that hides Node::kind.
    static_cast<Node*>(node)->kind = T::kKind;
    return node;
  }
  /// Copies `items` into the arena.
  template <class T>
  ArenaList<T> make_list(const std::vector<T>& items) {
    ArenaList<T> list;
    list.size = static_cast<uint32_t>(items.size());
    if (!items.empty()) {
      list.data = static_cast<T*>(allocate(sizeof(T) * items.size(), alignof(T)));
      std::memcpy(static_cast<void*>(list.data), items.data(), sizeof(T) * items.size());
    }
    return list;
  }
  /// Interns an identifier; equal strings get the same storage.
  std::string_view intern(std::string_view s);
  /// Copies arbitrary bytes (string constants) into the arena.
  std::string_view copy_string(std::string_view s);

  void* allocate(size_t size, size_t align);

 private:
  struct Chunk {
    Chunk* next;
    size_t size;
  };
  Chunk* chunks_ = nullptr;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  std::unordered_set<std::string_view> interned_;
};

}  // namespace molt::ast
