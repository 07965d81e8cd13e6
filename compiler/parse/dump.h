// dump.h — the AST as text, exactly as CPython 3.12's `ast.dump` prints it.
#pragma once

#include <string>

#include "parse/ast.h"

namespace molt::parse {

/// Exactly ast.dump(tree, include_attributes=include_attributes) of CPython
/// 3.12 (annotate_fields=True, no indent): optional fields that are None are
/// left out, constants print with Python's repr.
std::string dump(const ast::Node* node, bool include_attributes);

}  // namespace molt::parse
