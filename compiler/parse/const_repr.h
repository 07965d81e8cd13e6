// const_repr.h — Python's repr() of Constant values and the conversion of
// number literals, so that `molt parse --dump` prints constants exactly as
// CPython 3.12's ast.dump does (ints in decimal whatever their base, floats
// as the shortest round-trip string, complex as `2j`).
#pragma once

#include <string>
#include <string_view>

#include "parse/ast.h"

namespace molt::parse {

/// Classifies a NUMBER token and stores its text form (see ConstValue).
ast::ConstValue number_value(std::string_view token_text, ast::AstContext& ctx);

/// Appends repr(value) to `out`.
void append_const_repr(std::string& out, const ast::ConstValue& value);

/// Decimal digits of a non-negative integer literal text (decimal, or with a
/// 0x/0o/0b prefix; no underscores).
std::string int_literal_to_decimal(std::string_view text);

/// repr() of a float literal's value ("1e+16", "0.5", "inf").
std::string float_literal_repr(std::string_view text);

/// repr(float) for a double.
std::string float_repr(double v);

}  // namespace molt::parse
