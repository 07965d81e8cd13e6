// py_repr.h — Python's repr() of str and bytes values, exactly as CPython
// 3.12 prints them (quote choice, escapes, printability by Unicode
// category). Shared by the token dump and the AST dump.
#pragma once

#include <string>
#include <string_view>

namespace molt::lex {

/// repr(s) for a str given as (generalised) UTF-8; lone surrogates, encoded
/// as 3-byte sequences, print as \udXXX.
std::string repr_str(std::string_view utf8);
/// Appends repr(s) to `out`.
void append_repr_str(std::string& out, std::string_view utf8);

/// repr(b) for a bytes value.
std::string repr_bytes(std::string_view bytes);
/// Appends repr(b) to `out`.
void append_repr_bytes(std::string& out, std::string_view bytes);

}  // namespace molt::lex
