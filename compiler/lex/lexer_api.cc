// lexer_api.cc — the public tokenizer entry points: token kind tables,
// lex_source / tokenize, the `python -m tokenize`-style dump and error
// reporting.
#include <cstdio>
#include <deque>
#include <mutex>

#include "lex/lexer.h"
#include "lex/lexer_impl.h"
#include "lex/py_repr.h"
#include "lex/source_decode.h"

namespace molt::lex {

namespace {

struct KindInfo {
  std::string_view name;
  std::string_view spelling;
  bool op;
  bool keyword;
};

constexpr KindInfo kKindInfo[] = {
#define MOLT_TOKEN(kind, pyname) {pyname, "", false, false},
#define MOLT_OP(kind, pyname, text) {pyname, text, true, false},
#define MOLT_KEYWORD(kind, text) {"NAME", text, false, true},
#include "lex/token_kinds.def"
#undef MOLT_KEYWORD
#undef MOLT_OP
#undef MOLT_TOKEN
};

static_assert(sizeof(kKindInfo) / sizeof(kKindInfo[0]) == kTokenKindCount);

}  // namespace

std::string_view token_kind_name(TokenKind kind) {
  return kKindInfo[static_cast<size_t>(kind)].name;
}
std::string_view token_kind_spelling(TokenKind kind) {
  return kKindInfo[static_cast<size_t>(kind)].spelling;
}
bool is_operator(TokenKind kind) {
  return kKindInfo[static_cast<size_t>(kind)].op;
}
bool is_keyword(TokenKind kind) {
  return kKindInfo[static_cast<size_t>(kind)].keyword;
}

void lex_source(const diag::SourceFile& file, TokenStream& out, LexOptions options) {
  out.tokens.clear();
  out.error.reset();
  DecodedSource decoded = decode_source(file.text());
  if (!decoded.error.empty()) {
    diag::DiagId id = decoded.has_nul ? diag::DiagId::NullBytes : diag::DiagId::EncodingProblem;
    std::string message = decoded.error;
    if (decoded.unsupported_encoding) {
      id = diag::DiagId::Unsupported;
      message = diag::format_message(diag::template_of(id), {decoded.error});
    }
    out.error = LexError{id, LexErrorKind::Decode,
                         diag::Range{{decoded.error_line, 0}, {decoded.error_line, 0}}, message};
    return;
  }
  if (!decoded.storage.empty()) {
    out.decoded_storage = std::move(decoded.storage);
    out.text = out.decoded_storage;
  } else {
    out.decoded_storage.clear();
    out.text = decoded.text;
  }
  Lexer lexer(out.text, options, out);
  lexer.run();
}

void report_lex_error(const LexError& error, diag::DiagnosticEngine& diags) {
  diags.report_message(error.id, error.range, error.message);
}

bool tokenize(const diag::SourceFile& file, TokenStream& out, diag::DiagnosticEngine& diags) {
  LexOptions options;
  options.extra_tokens = true;
  lex_source(file, out, options);
  if (out.error) {
    report_lex_error(*out.error, diags);
    return false;
  }
  return true;
}

bool tokenize(const diag::SourceFile& file, std::vector<Token>& out, diag::DiagnosticEngine& diags) {
  TokenStream stream;
  LexOptions options;
  options.extra_tokens = true;
  lex_source(file, stream, options);
  if (!stream.decoded_storage.empty()) {
    // Keep a transcoded source alive for the tokens that view it.
    static std::mutex mu;
    static std::deque<std::string> kept;
    std::lock_guard<std::mutex> lock(mu);
    kept.push_back(std::move(stream.decoded_storage));
    std::string_view kept_text = kept.back();
    for (Token& t : stream.tokens) {
      size_t offset = static_cast<size_t>(t.text.data() - stream.text.data());
      t.text = kept_text.substr(offset, t.text.size());
    }
  }
  out = std::move(stream.tokens);
  if (stream.error) {
    report_lex_error(*stream.error, diags);
    return false;
  }
  return true;
}

std::string dump_tokens(const diag::SourceFile& file, const std::vector<Token>& tokens) {
  std::string out;
  auto line = [&](std::string_view range, std::string_view name, std::string_view text) {
    std::string r(range);
    if (r.size() < 20) r.resize(20, ' ');
    std::string n(name);
    if (n.size() < 15) n.resize(15, ' ');
    std::string t = repr_str(text);
    if (t.size() < 15) t.resize(15, ' ');
    out += r;
    out += n;
    out += t;
    out += '\n';
  };
  (void)file;
  line("0,0-0,0:", "ENCODING", "utf-8");
  for (const Token& t : tokens) {
    char range[64];
    if (t.kind == TokenKind::EndMarker) {
      // The tokenize module puts the end marker at the start of the line
      // after the last one.
      std::snprintf(range, sizeof range, "%u,0-%u,0:", t.range.begin.line + 1, t.range.begin.line + 1);
    } else {
      std::snprintf(range, sizeof range, "%u,%u-%u,%u:", t.range.begin.line, t.range.begin.col,
                    t.range.end.line, t.range.end.col);
    }
    std::string_view name = is_operator(t.kind) ? std::string_view("OP") : token_kind_name(t.kind);
    line(range, name, t.text);
  }
  return out;
}

}  // namespace molt::lex
