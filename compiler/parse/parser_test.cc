// parser_test.cc — the parser's API contract: trees and positions, one
// diagnostic per failure with CPython's class/line/message (expected values
// taken from CPython 3.12), the tokenizer-error precedence rules, the
// semantic syntax check, and robustness against deep nesting.
#include <gtest/gtest.h>

#include <string>

#include "diag/diagnostics.h"
#include "diag/source.h"
#include "parse/ast.h"
#include "parse/dump.h"
#include "parse/parser.h"

namespace molt::parse {
namespace {

struct Parsed {
  std::unique_ptr<ast::AstContext> ctx = std::make_unique<ast::AstContext>();
  diag::DiagnosticEngine diags;
  ast::ModuleNode* module = nullptr;
};

std::unique_ptr<Parsed> parse(std::string source) {
  auto p = std::make_unique<Parsed>();
  diag::SourceFile file("t.py", std::move(source));
  p->module = parse_module(file, *p->ctx, p->diags);
  return p;
}

// "Class line: message" of the single reported error.
std::string error_of(std::string source, bool semantic = false) {
  diag::SourceFile file("t.py", std::move(source));
  ast::AstContext ctx;
  diag::DiagnosticEngine diags;
  ast::ModuleNode* m = parse_module(file, ctx, diags);
  if (m && semantic) check_semantic_syntax(m, diags);
  if (!diags.has_errors()) return "OK";
  EXPECT_EQ(diags.error_count(), 1u);
  const diag::Diagnostic* d = diags.first_error();
  return std::string(diag::class_name(d->cls)) + " " + std::to_string(d->range.begin.line) + ": " +
         d->message;
}

TEST(Parser, BuildsTreeWithPositions) {
  auto p = parse("def f(a, b=2):\n    return a + b\n");
  ASSERT_NE(p->module, nullptr);
  ASSERT_EQ(p->module->body.size, 1u);
  auto* f = ast::dyn_cast<ast::FunctionDefNode>(p->module->body[0]);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->name, "f");
  EXPECT_EQ(f->lineno, 1u);
  EXPECT_EQ(f->end_lineno, 2u);
  EXPECT_EQ(f->end_col_offset, 16u);
  auto* args = ast::cast<ast::argumentsNode>(f->args);
  EXPECT_EQ(args->args.size, 2u);
  EXPECT_EQ(args->defaults.size, 1u);
  auto* ret = ast::dyn_cast<ast::ReturnNode>(f->body[0]);
  ASSERT_NE(ret, nullptr);
  auto* add = ast::dyn_cast<ast::BinOpNode>(ret->value);
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->op, ast::Operator::Add);
  EXPECT_EQ(add->col_offset, 11u);
}

TEST(Parser, IdentifiersAreInternedAndNormalised) {
  auto p = parse("ﬁx = 1\nfix = ﬁx\n");
  ASSERT_NE(p->module, nullptr);
  auto* a = ast::cast<ast::AssignNode>(p->module->body[0]);
  auto* b = ast::cast<ast::AssignNode>(p->module->body[1]);
  std::string_view first = ast::cast<ast::NameNode>(a->targets[0])->id;
  std::string_view second = ast::cast<ast::NameNode>(b->targets[0])->id;
  EXPECT_EQ(first, "fix");
  EXPECT_EQ(first.data(), second.data());
}

TEST(Parser, SoftKeywordsAreNames) {
  auto p = parse("match = 1\ncase = 2\ntype = 3\n_ = match + case\nmatch(x)\n");
  ASSERT_NE(p->module, nullptr);
  EXPECT_EQ(p->module->body.size, 5u);
}

TEST(Parser, ParenthesesExtendParentPositions) {
  // CPython's positions come from tokens: (a) + b starts at the '('.
  auto p = parse("x = (a) + (b)\n");
  ASSERT_NE(p->module, nullptr);
  auto* assign = ast::cast<ast::AssignNode>(p->module->body[0]);
  auto* add = ast::cast<ast::BinOpNode>(assign->value);
  EXPECT_EQ(add->col_offset, 4u);
  EXPECT_EQ(add->end_col_offset, 13u);
  EXPECT_EQ(add->left->col_offset, 5u);
}

TEST(Parser, SyntaxErrorsMatchCPython) {
  EXPECT_EQ(error_of("x = 1 +\n"), "SyntaxError 1: invalid syntax");
  EXPECT_EQ(error_of("if x\n    pass\n"), "SyntaxError 1: expected ':'");
  EXPECT_EQ(error_of("f(a b)\n"), "SyntaxError 1: invalid syntax. Perhaps you forgot a comma?");
  EXPECT_EQ(error_of("print 'x'\n"),
            "SyntaxError 1: Missing parentheses in call to 'print'. Did you mean print(...)?");
  EXPECT_EQ(error_of("f() = 1\n"),
            "SyntaxError 1: cannot assign to function call here. Maybe you meant '==' instead of '='?");
  EXPECT_EQ(error_of("for f() in x: pass\n"), "SyntaxError 1: cannot assign to function call");
  EXPECT_EQ(error_of("a + 1 += 2\n"),
            "SyntaxError 1: 'expression' is an illegal expression for augmented assignment");
  EXPECT_EQ(error_of("x = (1,\n"), "SyntaxError 1: '(' was never closed");
  EXPECT_EQ(error_of("x = 1\n  y = 2\n"), "IndentationError 2: unexpected indent");
  EXPECT_EQ(error_of("if x:\npass\n"),
            "IndentationError 2: expected an indented block after 'if' statement on line 1");
  EXPECT_EQ(error_of("if x:\n        a\n    b\n"),
            "IndentationError 3: unindent does not match any outer indentation level");
  EXPECT_EQ(error_of("if x:\n\ta\n        b\n"),
            "TabError 3: inconsistent use of tabs and spaces in indentation");
  EXPECT_EQ(error_of("def f(a=1, b): pass\n"),
            "SyntaxError 1: parameter without a default follows parameter with a default");
  EXPECT_EQ(error_of("f(x=1, y)\n"), "SyntaxError 1: positional argument follows keyword argument");
  EXPECT_EQ(error_of("x = f\"{a!z}\"\n"),
            "SyntaxError 1: f-string: invalid conversion character 'z': expected 's', 'r', or 'a'");
  EXPECT_EQ(error_of("x = 1 if 2\n"), "SyntaxError 1: expected 'else' after 'if' expression");
}

TEST(Parser, TokenizerErrorsTakePrecedence) {
  // A raised tokenizer error later in the file wins over a parser error.
  EXPECT_EQ(error_of("x = = 1\ny = 'abc\n"),
            "SyntaxError 2: unterminated string literal (detected at line 2)");
  // An unclosed bracket wins only over errors on later lines.
  EXPECT_EQ(error_of("foo(\n  1,\nx = 3\n"), "SyntaxError 1: '(' was never closed");
  // A dedent error the parser never reaches does not.
  EXPECT_EQ(error_of("x = = 1\nif y:\n        a\n    b\n"), "SyntaxError 1: invalid syntax");
}

TEST(Parser, SemanticSyntaxIsSeparate) {
  EXPECT_EQ(error_of("return 1\n"), "OK");
  EXPECT_EQ(error_of("return 1\n", true), "SyntaxError 1: 'return' outside function");
  EXPECT_EQ(error_of("def f():\n    await x\n", true), "SyntaxError 2: 'await' outside async function");
  EXPECT_EQ(error_of("while 1:\n    pass\nelse:\n    break\n", true), "SyntaxError 4: 'break' outside loop");
  EXPECT_EQ(error_of("nonlocal x\n", true),
            "SyntaxError 1: nonlocal declaration not allowed at module level");
  EXPECT_EQ(error_of("def f(a, a): pass\n", true),
            "SyntaxError 1: duplicate argument 'a' in function definition");
  EXPECT_EQ(error_of("*a, *b = c\n", true), "SyntaxError 1: multiple starred expressions in assignment");
  EXPECT_EQ(error_of("match x:\n case a: pass\n case 1: pass\n", true),
            "SyntaxError 2: name capture 'a' makes remaining patterns unreachable");
  EXPECT_EQ(error_of("async def f():\n    return [x async for x in y]\n", true), "OK");
}

TEST(Parser, DeepNestingNeverOverflows) {
  EXPECT_EQ(error_of(std::string(100000, '(')), "SyntaxError 1: too many nested parentheses");
  EXPECT_EQ(error_of("x = " + std::string(200, '(') + "1" + std::string(200, ')') + "\n"), "OK");
  std::string minus = std::string(100000, '-') + "1\n";
  EXPECT_NE(error_of(minus), "OK");
  std::string chain = "a";
  for (int i = 0; i < 100000; ++i) chain += ".b";
  EXPECT_NE(error_of(chain + "\n"), "OK");
  std::string lambdas;
  for (int i = 0; i < 100000; ++i) lambdas += "lambda: ";
  EXPECT_NE(error_of(lambdas + "1\n"), "OK");
  std::string defaults;
  for (int i = 0; i < 20000; ++i) defaults += "lambda x=";
  EXPECT_NE(error_of(defaults + "1\n"), "OK");
  std::string blocks;
  for (int i = 0; i < 101; ++i) blocks += std::string(i, ' ') + "if 1:\n";
  EXPECT_EQ(error_of(blocks + std::string(101, ' ') + "pass\n"),
            "IndentationError 101: too many levels of indentation");
  // Nested brackets with an error deep inside stay linear in the second pass.
  EXPECT_EQ(error_of("x = " + std::string(199, '(') + "a b" + std::string(199, ')') + "\n"),
            "SyntaxError 1: invalid syntax. Perhaps you forgot a comma?");
}

TEST(Parser, DepthAtTheLimitStillDumps) {
  // 2990 nested unary minus: within kMaxAstDepth, dumped without recursion.
  auto p = parse(std::string(2990, '-') + "1\n");
  ASSERT_NE(p->module, nullptr);
  EXPECT_FALSE(dump(p->module, true).empty());
}

}  // namespace
}  // namespace molt::parse
