// ast_walk.h — generic traversal of AST children, generated from
// ast_nodes.def so it can never miss a field.
#pragma once

#include "parse/ast.h"

namespace molt::ast {

/// Calls `fn(child)` for every child node of `node` (expressions,
/// statements and other nodes), in field order, which is source order for
/// every node kind except Dict (keys before values) and a few others.
/// Null optional children are skipped.
template <class Fn>
void for_each_child(const Node* node, Fn&& fn);

}  // namespace molt::ast

// --- implementation ----------------------------------------------------------------
namespace molt::ast::detail {

template <class Fn>
void visit_field(Node* child, Fn& fn) {
  if (child) fn(child);
}
template <class Fn>
void visit_field(const NodeList& list, Fn& fn) {
  for (Node* n : list) {
    if (n) fn(n);
  }
}
template <class T, class Fn>
void visit_field(const T&, Fn&) {}

}  // namespace molt::ast::detail

template <class Fn>
void molt::ast::for_each_child(const Node* node, Fn&& fn) {
  switch (node->kind) {
#define F(kind, name) detail::visit_field(n->name, fn);
#define MOLT_AST_NODE(NAME, category, has_pos, fields) \
  case NodeKind::NAME: {                               \
    [[maybe_unused]] auto* n = cast<NAME##Node>(node); \
    fields break;                                      \
  }
#include "parse/ast_nodes.def"
#undef MOLT_AST_NODE
#undef F
  }
}
