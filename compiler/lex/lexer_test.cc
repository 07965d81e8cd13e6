// lexer_test.cc — the tokenizer against CPython 3.12's: token kinds and
// positions, indentation, literals, f-string tokens, encodings and errors
// (expected values from CPython 3.12's tokenize module and compile()); plus
// the Unicode services and repr().
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/source.h"
#include "lex/lexer.h"
#include "lex/py_repr.h"
#include "lex/unicode.h"

namespace molt::lex {
namespace {

struct Lexed {
  diag::SourceFile file;
  TokenStream stream;
  explicit Lexed(std::string text, bool extra = false) : file("t.py", std::move(text)) {
    LexOptions o;
    o.extra_tokens = extra;
    lex_source(file, stream, o);
  }
  // "KIND text@line,col-line,col" per token.
  std::vector<std::string> describe() const {
    std::vector<std::string> out;
    for (const Token& t : stream.tokens) {
      out.push_back(std::string(token_kind_name(t.kind)) + " " + std::string(t.text) + "@" +
                    std::to_string(t.range.begin.line) + "," + std::to_string(t.range.begin.col) + "-" +
                    std::to_string(t.range.end.line) + "," + std::to_string(t.range.end.col));
    }
    return out;
  }
  std::vector<TokenKind> kinds() const {
    std::vector<TokenKind> out;
    for (const Token& t : stream.tokens) out.push_back(t.kind);
    return out;
  }
  std::string error() const {
    if (!stream.error) return "";
    return std::to_string(stream.error->range.begin.line) + ":" +
           std::to_string(stream.error->range.begin.col) + " " + stream.error->message;
  }
};

using K = TokenKind;

TEST(Lexer, SimpleStatement) {
  Lexed l("x = foo(1, 'a')\n");
  EXPECT_EQ(l.describe(), (std::vector<std::string>{"NAME x@1,0-1,1", "EQUAL =@1,2-1,3", "NAME foo@1,4-1,7",
                                                    "LPAR (@1,7-1,8", "NUMBER 1@1,8-1,9", "COMMA ,@1,9-1,10",
                                                    "STRING 'a'@1,11-1,14", "RPAR )@1,14-1,15",
                                                    "NEWLINE \n@1,15-1,16", "ENDMARKER @1,15-1,15"}));
}

TEST(Lexer, KeywordsAndSoftKeywords) {
  Lexed l("if match else type\n");
  EXPECT_EQ(l.kinds(), (std::vector<K>{K::KwIf, K::Name, K::KwElse, K::Name, K::Newline, K::EndMarker}));
}

TEST(Lexer, IndentDedent) {
  Lexed l("if x:\n    y\n    if z:\n        w\nv\n");
  EXPECT_EQ(l.kinds(), (std::vector<K>{K::KwIf, K::Name, K::Colon, K::Newline, K::Indent, K::Name, K::Newline,
                                       K::KwIf, K::Name, K::Colon, K::Newline, K::Indent, K::Name, K::Newline,
                                       K::Dedent, K::Dedent, K::Name, K::Newline, K::EndMarker}));
}

TEST(Lexer, BlankAndCommentLinesDoNotIndent) {
  Lexed l("if x:\n\n      # comment\n    y\n");
  EXPECT_EQ(l.kinds(), (std::vector<K>{K::KwIf, K::Name, K::Colon, K::Newline, K::Indent, K::Name, K::Newline,
                                       K::Dedent, K::EndMarker}));
  EXPECT_EQ(l.error(), "");
}

TEST(Lexer, ImplicitAndExplicitLineJoining) {
  Lexed l("x = (1,\n     2) + \\\n  3\n");
  EXPECT_EQ(l.kinds(), (std::vector<K>{K::Name, K::Equal, K::LPar, K::Number, K::Comma, K::Number, K::RPar,
                                       K::Plus, K::Number, K::Newline, K::EndMarker}));
  EXPECT_EQ(l.stream.tokens[8].range.begin.line, 3u);
}

TEST(Lexer, ExtraTokensLikeTokenizeModule) {
  Lexed l("x = 1  # c\n\ny\n", true);
  EXPECT_EQ(l.kinds(), (std::vector<K>{K::Name, K::Equal, K::Number, K::Comment, K::Newline, K::NL, K::Name,
                                       K::Newline, K::EndMarker}));
}

TEST(Lexer, NumberForms) {
  for (const char* n : {"0", "00", "1_000", "0x_1F", "0o17", "0b1_0", "1.", ".5", "1.5e-3", "1E+10",
                        "1_0.0_1e1_0", "3j", "1.5J", "1e5j", "0_0"}) {
    Lexed l(std::string(n) + "\n");
    ASSERT_EQ(l.error(), "") << n;
    EXPECT_EQ(l.stream.tokens[0].kind, K::Number) << n;
    EXPECT_EQ(l.stream.tokens[0].text, n);
  }
}

TEST(Lexer, NumberErrors) {
  EXPECT_EQ(Lexed("1_\n").error(), "1:1 invalid decimal literal");
  EXPECT_EQ(Lexed("1__0\n").error(), "1:1 invalid decimal literal");
  EXPECT_EQ(Lexed("12abc\n").error(), "1:1 invalid decimal literal");
  EXPECT_EQ(Lexed("0x\n").error(), "1:1 invalid hexadecimal literal");
  EXPECT_EQ(Lexed("0o8\n").error(), "1:2 invalid digit '8' in octal literal");
  EXPECT_EQ(Lexed("0b12\n").error(), "1:3 invalid digit '2' in binary literal");
  EXPECT_EQ(
      Lexed("0777\n").error(),
      "1:0 leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
  EXPECT_EQ(Lexed("1jx\n").error(), "1:1 invalid imaginary literal");
  // A keyword right after a number is only a warning.
  EXPECT_EQ(Lexed("x = 1if y else 2\n").error(), "");
}

TEST(Lexer, StringPrefixesAndQuotes) {
  for (const char* s : {"'a'", "\"a\"", "'''a\nb'''", "\"\"\"a\"\"\"", "r'\\d'", "r'\\''", "b'x'", "Rb'x'",
                        "bR'x'", "u'x'", "U'x'", "rb'\\d'", "''", "\"\""}) {
    Lexed l(std::string(s) + "\n");
    ASSERT_EQ(l.error(), "") << s;
    EXPECT_EQ(l.stream.tokens[0].kind, K::String) << s;
    EXPECT_EQ(l.stream.tokens[0].text, s);
  }
  // 'ub' and 'bu' are not prefixes: a name followed by a string.
  EXPECT_EQ(Lexed("ub'x'\n").kinds()[0], K::Name);
}

TEST(Lexer, UnterminatedStrings) {
  EXPECT_EQ(Lexed("x = 'abc\n").error(), "1:4 unterminated string literal (detected at line 1)");
  EXPECT_EQ(Lexed("x = '''abc\n\n").error(),
            "1:4 unterminated triple-quoted string literal (detected at line 2)");
  EXPECT_EQ(Lexed("x=1\n\"\"\"abc\n\ny").error(),
            "2:0 unterminated triple-quoted string literal (detected at line 4)");
}

TEST(Lexer, FStringTokens) {
  Lexed l("f'a{b!r:>{w}}c{{'\n");
  EXPECT_EQ(l.kinds(),
            (std::vector<K>{K::FStringStart, K::FStringMiddle, K::LBrace, K::Name, K::Exclamation, K::Name,
                            K::Colon, K::FStringMiddle, K::LBrace, K::Name, K::RBrace, K::FStringMiddle,
                            K::RBrace, K::FStringMiddle, K::FStringEnd, K::Newline, K::EndMarker}));
  // PEP 701: the same quotes inside a replacement field.
  Lexed nested("f\"{f\"{x}\"}\"\n");
  EXPECT_EQ(nested.error(), "");
  EXPECT_EQ(nested.kinds()[2], K::FStringStart);
}

TEST(Lexer, FStringErrors) {
  EXPECT_EQ(Lexed("f'a}'\n").error(), "1:3 f-string: single '}' is not allowed");
  EXPECT_EQ(Lexed("f'{x'\n").error(), "1:4 f-string: expecting '}'");
  EXPECT_EQ(Lexed("f'abc\n").error(), "1:0 unterminated f-string literal (detected at line 1)");
  EXPECT_EQ(Lexed("f'{a:{b:{c:{d}}}}'\n").error(), "1:10 f-string: expressions nested too deeply");
}

TEST(Lexer, Brackets) {
  EXPECT_EQ(Lexed("x)\n").error(), "1:1 unmatched ')'");
  EXPECT_EQ(Lexed("(x]\n").error(), "1:2 closing parenthesis ']' does not match opening parenthesis '('");
  EXPECT_EQ(Lexed("(x,\n y]\n").error(),
            "2:2 closing parenthesis ']' does not match opening parenthesis '(' on line 1");
  Lexed eof("x = [1,\n");
  ASSERT_TRUE(eof.stream.error.has_value());
  EXPECT_EQ(eof.stream.error->kind, LexErrorKind::EofInBrackets);
  EXPECT_EQ(eof.error(), "1:4 '[' was never closed");
  EXPECT_EQ(Lexed(std::string(201, '(')).error(), "1:200 too many nested parentheses");
  EXPECT_EQ(Lexed(std::string(200, '(') + "\n").error(), "1:199 '(' was never closed");
}

TEST(Lexer, IndentationErrors) {
  Lexed dedent("if x:\n        a\n    b\n");
  ASSERT_TRUE(dedent.stream.error.has_value());
  EXPECT_EQ(dedent.stream.error->kind, LexErrorKind::State);
  EXPECT_EQ(dedent.stream.error->message, "unindent does not match any outer indentation level");
  EXPECT_EQ(dedent.stream.error->range.begin.line, 3u);
  EXPECT_EQ(Lexed("if x:\n\ta\n        b\n").stream.error->message,
            "inconsistent use of tabs and spaces in indentation");
  // Tabs and spaces that agree at tab size 8 and 1 are fine.
  EXPECT_EQ(Lexed("if x:\n\ta\n\tb\n").error(), "");
  EXPECT_EQ(Lexed("x = 1 \\ 2\n").error(), "1:7 unexpected character after line continuation character");
}

TEST(Lexer, CharactersAndIdentifiers) {
  EXPECT_EQ(Lexed("a € b\n").error(), "1:2 invalid character '€' (U+20AC)");
  EXPECT_EQ(Lexed("a \x01 b\n").error(), "1:2 invalid non-printable character U+0001");
  Lexed name("ñame = 1\n");
  EXPECT_EQ(name.error(), "");
  EXPECT_EQ(name.stream.tokens[0].flags & kTokNonAscii, kTokNonAscii);
  EXPECT_EQ(Lexed("$\n").kinds()[0], K::OtherOp);
}

TEST(Lexer, NewlineConventions) {
  Lexed crlf("x = 1\r\ny = 2\r\n");
  EXPECT_EQ(crlf.error(), "");
  EXPECT_EQ(crlf.stream.tokens[4].range.begin.line, 2u);
  Lexed cr("x = 1\ry = 2");
  EXPECT_EQ(cr.stream.tokens[4].range.begin.line, 2u);
  EXPECT_EQ(cr.kinds().back(), K::EndMarker);
}

TEST(Lexer, EncodingsAndBom) {
  Lexed bom("\xEF\xBB\xBFx = 1\n");
  EXPECT_EQ(bom.error(), "");
  EXPECT_EQ(bom.stream.tokens[0].range.begin.col, 0u);
  Lexed latin("# coding: latin-1\nx = '\xE9'\n");
  EXPECT_EQ(latin.error(), "");
  EXPECT_EQ(latin.stream.tokens[2].text, "'\xC3\xA9'");
  EXPECT_EQ(Lexed("# coding: nope\n").error(), "0:0 unknown encoding: nope");
  EXPECT_EQ(Lexed("# coding: euc-jp\n").error(), "0:0 source encoding 'euc-jp' is not supported by Molt yet");
  EXPECT_EQ(Lexed("\xEF\xBB\xBF# coding: latin-1\n").error(), "0:0 encoding problem: iso-8859-1 with BOM");
  EXPECT_EQ(Lexed(std::string("x = 1\0", 6)).error(), "0:0 source code string cannot contain null bytes");
  EXPECT_EQ(Lexed("x\xF6 = 1\n").error(),
            "1:1 (unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: "
            "invalid start byte");
}

TEST(Lexer, TokenizeAndDump) {
  diag::SourceFile file("t.py", "x = 1\n");
  std::vector<Token> tokens;
  diag::DiagnosticEngine diags;
  ASSERT_TRUE(tokenize(file, tokens, diags));
  std::string out = dump_tokens(file, tokens);
  EXPECT_EQ(out.substr(0, out.find('\n', out.find('\n') + 1)),
            "0,0-0,0:            ENCODING       'utf-8'        \n"
            "1,0-1,1:            NAME           'x'            ");
  // Like the tokenize module, extra-token mode accepts unmatched brackets
  // but not unterminated strings.
  diag::SourceFile unmatched("t.py", "x = )\n");
  EXPECT_TRUE(tokenize(unmatched, tokens, diags));
  diag::SourceFile bad("t.py", "x = 'a\n");
  EXPECT_FALSE(tokenize(bad, tokens, diags));
  EXPECT_EQ(diags.first_error()->message, "unterminated string literal (detected at line 1)");
}

TEST(Unicode, Services) {
  EXPECT_TRUE(unicode::is_xid_start(U'é'));
  EXPECT_FALSE(unicode::is_xid_start(U'1'));
  EXPECT_TRUE(unicode::is_xid_continue(U'1'));
  EXPECT_FALSE(unicode::is_xid_start(0x20AC));
  EXPECT_TRUE(unicode::is_printable(U'é'));
  EXPECT_FALSE(unicode::is_printable(0x2028));
  EXPECT_EQ(unicode::nfkc("\xEF\xAC\x81"), "fi");            // U+FB01 LATIN SMALL LIGATURE FI
  EXPECT_EQ(unicode::nfkc("e\xCC\x81"), "\xC3\xA9");         // e + COMBINING ACUTE -> é
  EXPECT_EQ(unicode::nfkc("\xEA\xB0\x80"), "\xEA\xB0\x80");  // a Hangul syllable stays composed
  EXPECT_EQ(unicode::lookup_name("LATIN SMALL LETTER A"), 'a');
  EXPECT_EQ(unicode::lookup_name("latin small letter a"), 'a');
  EXPECT_EQ(unicode::lookup_name("BULLET"), 0x2022);
  EXPECT_EQ(unicode::lookup_name("LATIN CAPITAL LETTER GHA"), 0x01A2);  // an alias
  EXPECT_EQ(unicode::lookup_name("CJK UNIFIED IDEOGRAPH-4E00"), 0x4E00);
  EXPECT_EQ(unicode::lookup_name("HANGUL SYLLABLE GAG"), 0xAC01);
  EXPECT_EQ(unicode::lookup_name("NO SUCH NAME"), -1);
  unicode::Utf8Problem p;
  EXPECT_FALSE(unicode::validate_utf8("a\xE9", &p));
  EXPECT_EQ(unicode::utf8_error_text("a\xE9", p),
            "'utf-8' codec can't decode byte 0xe9 in position 1: unexpected end of data");
  unicode::Codec codec;
  ASSERT_EQ(unicode::find_codec("ISO-8859-15", &codec), unicode::CodecLookup::Supported);
  EXPECT_EQ(unicode::find_codec("shift_jis", &codec), unicode::CodecLookup::Unsupported);
  EXPECT_EQ(unicode::find_codec("no-such-codec", &codec), unicode::CodecLookup::Unknown);
  EXPECT_EQ(std::string(codec.name), "iso8859_15");
  EXPECT_EQ(codec.high[0xA4 - 0x80], 0x20AC);
}

TEST(PyRepr, StrAndBytes) {
  EXPECT_EQ(repr_str("abc"), "'abc'");
  EXPECT_EQ(repr_str("it's"), "\"it's\"");
  EXPECT_EQ(repr_str("'\""), "'\\'\"'");
  EXPECT_EQ(repr_str("a\tb\nc\\"), "'a\\tb\\nc\\\\'");
  EXPECT_EQ(repr_str("\x7f\xC2\x80\xC3\xA9"), "'\\x7f\\x80\xC3\xA9'");
  EXPECT_EQ(repr_str("\xE2\x80\xA8"), "'\\u2028'");
  EXPECT_EQ(repr_str("\xED\xA0\x80"), "'\\ud800'");  // a lone surrogate
  EXPECT_EQ(repr_str("\xF0\x9F\x98\x80"), "'\xF0\x9F\x98\x80'");
  EXPECT_EQ(repr_str("\xF3\xA0\x80\x81"), "'\\U000e0001'");
  EXPECT_EQ(repr_bytes(std::string("\0\xff'a", 4)), "b\"\\x00\\xff'a\"");
}

}  // namespace
}  // namespace molt::lex
