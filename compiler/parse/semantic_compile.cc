// semantic_compile.cc — the SyntaxErrors of CPython's compiler (compile.c),
// found by walking the tree in compile order: return/yield/await and
// break/continue placement, async constructs outside async functions,
// starred assignment targets and starred expressions, repeated keyword
// arguments, __debug__, `except:` ordering, the static block limit
// (CO_MAXBLOCKS), late `from __future__` imports and match statement
// patterns; plus check_semantic_syntax itself.
#include <unordered_set>

#include "parse/ast_walk.h"
#include "parse/const_repr.h"
#include "parse/parser.h"
#include "parse/semantic_check_impl.h"

namespace molt::parse {

namespace semantic {

using namespace ast;

namespace {

constexpr int kMaxBlocks = 20;  // CPython's CO_MAXBLOCKS

const NodeList& elts_of(const Node* e) {
  if (auto* t = dyn_cast<TupleNode>(e)) return t->elts;
  if (auto* l = dyn_cast<ListNode>(e)) return l->elts;
  return cast<SetNode>(e)->elts;
}

ExprContext ctx_of(const Node* e) {
  if (auto* t = dyn_cast<TupleNode>(e)) return t->ctx;
  if (auto* l = dyn_cast<ListNode>(e)) return l->ctx;
  return ExprContext::Load;
}

}  // namespace

bool Checker::push_block(const Node* at) {
  if (unit_.blocks >= kMaxBlocks) {
    error_id(at, diag::DiagId::TooDeeplyNested);
    return false;
  }
  ++unit_.blocks;
  return true;
}

void Checker::comp_stmts(const NodeList& body) {
  for (const Node* s : body) {
    if (failed_) return;
    comp_stmt(s);
  }
}

void Checker::comp_exprs(const NodeList& l) {
  for (const Node* e : l) {
    if (failed_) return;
    if (e) comp_expr(e);
  }
}

// Elements of a display or call: a starred element is fine here.
void Checker::comp_elements(const NodeList& elts) {
  for (const Node* x : elts) {
    if (failed_) return;
    auto* star = dyn_cast<StarredNode>(x);
    comp_expr(star ? star->value : x);
  }
}

void Checker::comp_body_of(const Node* owner, const NodeList& body) {
  Unit saved = unit_;
  unit_ = Unit{scope_of(owner)};
  comp_stmts(body);
  unit_ = saved;
}

void Checker::comp_call_keywords(const NodeList& keywords) {
  std::unordered_set<std::string_view> seen;
  for (const Node* k : keywords) {
    auto* kw = cast<keywordNode>(k);
    if (!kw->arg.data()) continue;
    if (kw->arg == "__debug__") {
      error(k, "cannot assign to __debug__");
      return;
    }
    if (!seen.insert(kw->arg).second) {
      error(k, "keyword argument repeated: " + std::string(kw->arg));
      return;
    }
  }
}

void Checker::comp_target(const Node* t, ExprContext ctx) {
  if (failed_) return;
  if (auto* n = dyn_cast<NameNode>(t)) {
    if (n->id == "__debug__") {
      error(t, ctx == ExprContext::Del ? "cannot delete __debug__" : "cannot assign to __debug__");
    }
    return;
  }
  if (t->kind == NodeKind::Starred) {
    error(t, "starred assignment target must be in a list or tuple");
    return;
  }
  if (t->kind != NodeKind::Tuple && t->kind != NodeKind::List) {
    comp_expr(t);
    return;
  }
  const NodeList& elts = elts_of(t);
  bool seen_star = false;
  for (const Node* e : elts) {
    if (e->kind != NodeKind::Starred) continue;
    if (seen_star) {
      error(t, "multiple starred expressions in assignment");
      return;
    }
    seen_star = true;
  }
  for (const Node* e : elts) {
    auto* star = dyn_cast<StarredNode>(e);
    comp_target(star ? star->value : e, ctx);
    if (failed_) return;
  }
}

void Checker::comp_function(const Node* s) {
  bool is_async = s->kind == NodeKind::AsyncFunctionDef;
  auto* fd = is_async ? nullptr : cast<FunctionDefNode>(s);
  auto* afd = is_async ? cast<AsyncFunctionDefNode>(s) : nullptr;
  auto* args = cast<argumentsNode>(is_async ? afd->args : fd->args);
  comp_exprs(is_async ? afd->decorator_list : fd->decorator_list);
  comp_exprs(args->defaults);
  comp_exprs(args->kw_defaults);
  auto check_arg = [&](const Node* a) {
    if (a && cast<argNode>(a)->arg == "__debug__") error(a, "cannot assign to __debug__");
  };
  for (const Node* a : args->posonlyargs) check_arg(a);
  for (const Node* a : args->args) check_arg(a);
  check_arg(args->vararg);
  for (const Node* a : args->kwonlyargs) check_arg(a);
  check_arg(args->kwarg);
  if (failed_) return;
  comp_body_of(s, is_async ? afd->body : fd->body);
}

// while / for / async for: the loop body may break and continue.
void Checker::comp_loop(const Node* s) {
  const Node* target = nullptr;
  const Node* head;
  const NodeList* body;
  const NodeList* orelse;
  if (auto* w = dyn_cast<WhileNode>(s)) {
    head = w->test;
    body = &w->body;
    orelse = &w->orelse;
  } else if (auto* f = dyn_cast<ForNode>(s)) {
    target = f->target;
    head = f->iter;
    body = &f->body;
    orelse = &f->orelse;
  } else {
    if (!unit_.scope || unit_.scope->kind != ScopeKind::Function || !unit_.scope->is_async) {
      error(s, "'async for' outside async function");
      return;
    }
    auto* af = cast<AsyncForNode>(s);
    target = af->target;
    head = af->iter;
    body = &af->body;
    orelse = &af->orelse;
  }
  comp_expr(head);
  if (failed_ || !push_block(s)) return;
  if (target) comp_target(target, ExprContext::Store);
  int saved_star = unit_.except_star;
  unit_.except_star = 0;
  ++unit_.loops;
  comp_stmts(*body);
  --unit_.loops;
  unit_.except_star = saved_star;
  pop_block();
  comp_stmts(*orelse);
}

void Checker::comp_with(const Node* s) {
  bool is_async = s->kind == NodeKind::AsyncWith;
  if (is_async && (!unit_.scope || unit_.scope->kind != ScopeKind::Function || !unit_.scope->is_async)) {
    error(s, "'async with' outside async function");
    return;
  }
  const NodeList& items = is_async ? cast<AsyncWithNode>(s)->items : cast<WithNode>(s)->items;
  int pushed = 0;
  for (const Node* i : items) {
    auto* w = cast<withitemNode>(i);
    comp_expr(w->context_expr);
    if (failed_ || !push_block(s)) return;
    ++pushed;
    if (w->optional_vars) comp_target(w->optional_vars, ExprContext::Store);
  }
  comp_stmts(is_async ? cast<AsyncWithNode>(s)->body : cast<WithNode>(s)->body);
  unit_.blocks -= pushed;
}

void Checker::comp_try(const Node* s) {
  bool star = s->kind == NodeKind::TryStar;
  auto* t = star ? nullptr : cast<TryNode>(s);
  auto* ts = star ? cast<TryStarNode>(s) : nullptr;
  const NodeList& body = star ? ts->body : t->body;
  const NodeList& handlers = star ? ts->handlers : t->handlers;
  const NodeList& orelse = star ? ts->orelse : t->orelse;
  const NodeList& finalbody = star ? ts->finalbody : t->finalbody;
  bool has_finally = finalbody.size > 0;
  if (has_finally && !push_block(s)) return;
  if (handlers.size > 0 && !push_block(s)) return;
  comp_stmts(body);
  if (handlers.size > 0) pop_block();
  for (uint32_t i = 0; i < handlers.size && !failed_; ++i) {
    auto* h = cast<ExceptHandlerNode>(handlers[i]);
    if (!h->type && i + 1 < handlers.size) {
      error(h, "default 'except:' must be last");
      return;
    }
    if (h->type) comp_expr(h->type);
    if (h->name.data() && h->name == "__debug__") {
      error(h, "cannot assign to __debug__");
      return;
    }
    if (!push_block(h)) return;
    if (star) ++unit_.except_star;
    comp_stmts(h->body);
    if (star) --unit_.except_star;
    pop_block();
  }
  comp_stmts(orelse);
  if (has_finally) {
    pop_block();
    if (!push_block(s)) return;
    comp_stmts(finalbody);
    pop_block();
  }
}

void Checker::comp_match(const MatchNode* m) {
  comp_expr(m->subject);
  for (uint32_t i = 0; i < m->cases.size && !failed_; ++i) {
    auto* c = cast<match_caseNode>(m->cases[i]);
    std::vector<std::string_view> stores;
    // Irrefutable cases must be guarded or last.
    comp_pattern(c->pattern, c->guard != nullptr || i + 1 == m->cases.size, stores);
    if (c->guard) comp_expr(c->guard);
    comp_stmts(c->body);
  }
}

void Checker::comp_children(const Node* n) {
  for_each_child(n, [&](const Node* child) {
    if (failed_) return;
    if (is_stmt(child)) {
      comp_stmt(child);
    } else if (is_expr(child)) {
      comp_expr(child);
    }
  });
}

void Checker::comp_stmt(const Node* s) {
  if (failed_) return;
  NodeKind k = s->kind;
  if (k == NodeKind::FunctionDef || k == NodeKind::AsyncFunctionDef) {
    comp_function(s);
  } else if (auto* c = dyn_cast<ClassDefNode>(s)) {
    comp_exprs(c->decorator_list);
    comp_body_of(s, c->body);
    comp_elements(c->bases);
    comp_call_keywords(c->keywords);
    for (const Node* kw : c->keywords) comp_expr(cast<keywordNode>(kw)->value);
  } else if (auto* r = dyn_cast<ReturnNode>(s)) {
    if (!unit_.scope || !unit_.scope->function_like()) {
      error_id(s, diag::DiagId::ReturnOutsideFunction);
    } else if (unit_.except_star > 0) {
      error(s, "'break', 'continue' and 'return' cannot appear in an except* block");
    } else if (r->value && unit_.scope->is_async && unit_.scope->is_generator) {
      error(s, "'return' with value in async generator");
    } else if (r->value) {
      comp_expr(r->value);
    }
  } else if (auto* d = dyn_cast<DeleteNode>(s)) {
    for (const Node* t : d->targets) comp_target(t, ExprContext::Del);
  } else if (auto* a = dyn_cast<AssignNode>(s)) {
    comp_expr(a->value);
    for (const Node* t : a->targets) comp_target(t, ExprContext::Store);
  } else if (auto* aug = dyn_cast<AugAssignNode>(s)) {
    comp_target(aug->target, ExprContext::Store);
    comp_expr(aug->value);
  } else if (auto* ann = dyn_cast<AnnAssignNode>(s)) {
    if (ann->value) comp_expr(ann->value);
    comp_target(ann->target, ExprContext::Store);
    comp_expr(ann->annotation);
  } else if (k == NodeKind::For || k == NodeKind::AsyncFor || k == NodeKind::While) {
    comp_loop(s);
  } else if (k == NodeKind::With || k == NodeKind::AsyncWith) {
    comp_with(s);
  } else if (k == NodeKind::Try || k == NodeKind::TryStar) {
    comp_try(s);
  } else if (k == NodeKind::Break || k == NodeKind::Continue) {
    if (unit_.loops == 0) {
      error_id(s, k == NodeKind::Break ? diag::DiagId::BreakOutsideLoop : diag::DiagId::ContinueOutsideLoop);
    } else if (unit_.except_star > 0) {
      error(s, "'break', 'continue' and 'return' cannot appear in an except* block");
    }
  } else if (auto* f = dyn_cast<ImportFromNode>(s)) {
    bool after =
        s->lineno > future_end_line_ || (s->lineno == future_end_line_ && s->col_offset > future_end_col_);
    if (after && f->level == 0 && f->module.data() && f->module == "__future__") {
      error(s, "from __future__ imports must occur at the beginning of the file");
    }
  } else if (auto* m = dyn_cast<MatchNode>(s)) {
    comp_match(m);
  } else {
    comp_children(s);
  }
}

void Checker::comp_pattern(const Node* p, bool allow_irrefutable, std::vector<std::string_view>& stores) {
  if (failed_) return;
  auto store = [&](std::string_view name, const Node* at) {
    for (std::string_view s : stores) {
      if (s == name) {
        error(at, "multiple assignments to name '" + std::string(name) + "' in pattern");
        return;
      }
    }
    stores.push_back(name);
  };
  if (auto* m = dyn_cast<MatchAsNode>(p)) {
    if (!m->pattern) {
      if (!allow_irrefutable) {
        if (m->name.data()) {
          error(p, "name capture '" + std::string(m->name) + "' makes remaining patterns unreachable");
        } else {
          error(p, "wildcard makes remaining patterns unreachable");
        }
        return;
      }
    } else {
      comp_pattern(m->pattern, allow_irrefutable, stores);
    }
    if (m->name.data()) store(m->name, p);
  } else if (auto* star = dyn_cast<MatchStarNode>(p)) {
    if (star->name.data()) store(star->name, p);
  } else if (auto* seq = dyn_cast<MatchSequenceNode>(p)) {
    int stars = 0;
    for (const Node* q : seq->patterns) {
      if (q->kind == NodeKind::MatchStar && ++stars > 1) {
        error(p, "multiple starred names in sequence pattern");
        return;
      }
    }
    for (const Node* q : seq->patterns) comp_pattern(q, true, stores);
  } else if (auto* map = dyn_cast<MatchMappingNode>(p)) {
    std::vector<std::string> keys;
    for (const Node* key : map->keys) {
      auto* c = dyn_cast<ConstantNode>(key);
      if (!c) {
        if (key->kind == NodeKind::Attribute || key->kind == NodeKind::UnaryOp ||
            key->kind == NodeKind::BinOp) {
          continue;
        }
        error(key, "mapping pattern keys may only match literals and attribute lookups");
        return;
      }
      std::string repr;
      append_const_repr(repr, c->value);
      for (const std::string& seen : keys) {
        if (seen == repr) {
          error(p, "mapping pattern checks duplicate key (" + repr + ")");
          return;
        }
      }
      keys.push_back(repr);
    }
    for (const Node* q : map->patterns) comp_pattern(q, true, stores);
    if (map->rest.data()) store(map->rest, p);
  } else if (auto* cls = dyn_cast<MatchClassNode>(p)) {
    for (uint32_t i = 0; i < cls->kwd_attrs.size; ++i) {
      for (uint32_t j = 0; j < i; ++j) {
        if (cls->kwd_attrs[i] == cls->kwd_attrs[j]) {
          error(cls->kwd_patterns[i],
                "attribute name repeated in class pattern: " + std::string(cls->kwd_attrs[i]));
          return;
        }
      }
    }
    for (const Node* q : cls->patterns) comp_pattern(q, true, stores);
    for (const Node* q : cls->kwd_patterns) comp_pattern(q, true, stores);
  } else if (auto* alt = dyn_cast<MatchOrNode>(p)) {
    // Every alternative must bind the same names; only the last may be
    // irrefutable.
    std::vector<std::string_view> first;
    for (uint32_t i = 0; i < alt->patterns.size && !failed_; ++i) {
      std::vector<std::string_view> bound = stores;
      comp_pattern(alt->patterns[i], i + 1 == alt->patterns.size && allow_irrefutable, bound);
      if (failed_) return;
      std::vector<std::string_view> added(bound.begin() + static_cast<ptrdiff_t>(stores.size()), bound.end());
      if (i == 0) {
        first = added;
        continue;
      }
      bool same = first.size() == added.size();
      for (std::string_view n : added) {
        bool found = false;
        for (std::string_view f : first) found = found || f == n;
        same = same && found;
      }
      if (!same) {
        error(p, "alternative patterns bind different names");
        return;
      }
    }
    stores.insert(stores.end(), first.begin(), first.end());
  }
}

// A comprehension is compiled in its own unit; an asynchronous one (not a
// generator expression) needs an async function or comprehension around it.
void Checker::comp_comprehension(const Node* e) {
  Scope* comp = scope_of(e);
  const NodeList* gens;
  if (auto* lc = dyn_cast<ListCompNode>(e)) {
    gens = &lc->generators;
  } else if (auto* sc = dyn_cast<SetCompNode>(e)) {
    gens = &sc->generators;
  } else if (auto* dc = dyn_cast<DictCompNode>(e)) {
    gens = &dc->generators;
  } else {
    gens = &cast<GeneratorExpNode>(e)->generators;
  }
  comp_expr(cast<comprehensionNode>((*gens)[0])->iter);
  if (failed_) return;
  if (comp && comp->is_async && e->kind != NodeKind::GeneratorExp) {
    Scope* outer = unit_.scope;
    bool ok = outer && ((outer->kind == ScopeKind::Function && outer->is_async) ||
                        outer->kind == ScopeKind::Comprehension);
    if (!ok) {
      error(e, "asynchronous comprehension outside of an asynchronous function");
      return;
    }
  }
  Unit saved = unit_;
  unit_ = Unit{comp};
  for (uint32_t i = 0; i < gens->size && !failed_; ++i) {
    auto* g = cast<comprehensionNode>((*gens)[i]);
    if (i > 0) comp_expr(g->iter);
    comp_target(g->target, ExprContext::Store);
    comp_exprs(g->ifs);
  }
  if (auto* lc = dyn_cast<ListCompNode>(e)) {
    comp_expr(lc->elt);
  } else if (auto* sc = dyn_cast<SetCompNode>(e)) {
    comp_expr(sc->elt);
  } else if (auto* dc = dyn_cast<DictCompNode>(e)) {
    comp_expr(dc->key);
    comp_expr(dc->value);
  } else {
    comp_expr(cast<GeneratorExpNode>(e)->elt);
  }
  unit_ = saved;
}

void Checker::comp_expr(const Node* e) {
  if (failed_) return;
  NodeKind k = e->kind;
  if (k == NodeKind::Yield || k == NodeKind::YieldFrom) {
    if (!unit_.scope || !unit_.scope->function_like()) {
      error(e, "'yield' outside function");
      return;
    }
    if (k == NodeKind::YieldFrom && unit_.scope->is_async) {
      error(e, "'yield from' inside async function");
      return;
    }
  } else if (k == NodeKind::Await) {
    if (!unit_.scope || !unit_.scope->function_like()) {
      error(e, "'await' outside function");
      return;
    }
    ScopeKind sk = unit_.scope->kind;
    if (!(sk == ScopeKind::Function && unit_.scope->is_async) && sk != ScopeKind::Comprehension) {
      error_id(e, diag::DiagId::AwaitOutsideAsync);
      return;
    }
  } else if (k == NodeKind::Starred) {
    error(e, "can't use starred expression here");
    return;
  } else if (auto* call = dyn_cast<CallNode>(e)) {
    comp_expr(call->func);
    comp_call_keywords(call->keywords);
    comp_elements(call->args);
    for (const Node* kw : call->keywords) comp_expr(cast<keywordNode>(kw)->value);
    return;
  } else if (k == NodeKind::Tuple || k == NodeKind::List || k == NodeKind::Set) {
    ExprContext ctx = ctx_of(e);
    if (ctx != ExprContext::Load) {
      comp_target(e, ctx);
    } else {
      comp_elements(elts_of(e));
    }
    return;
  } else if (auto* n = dyn_cast<NameNode>(e)) {
    if (n->ctx != ExprContext::Load && n->id == "__debug__") {
      error(e, n->ctx == ExprContext::Del ? "cannot delete __debug__" : "cannot assign to __debug__");
    }
    return;
  } else if (auto* ne = dyn_cast<NamedExprNode>(e)) {
    comp_expr(ne->value);
    comp_target(ne->target, ExprContext::Store);
    return;
  } else if (auto* l = dyn_cast<LambdaNode>(e)) {
    auto* args = cast<argumentsNode>(l->args);
    comp_exprs(args->defaults);
    comp_exprs(args->kw_defaults);
    Unit saved = unit_;
    unit_ = Unit{scope_of(e)};
    comp_expr(l->body);
    unit_ = saved;
    return;
  } else if (k == NodeKind::ListComp || k == NodeKind::SetComp || k == NodeKind::DictComp ||
             k == NodeKind::GeneratorExp) {
    comp_comprehension(e);
    return;
  } else if (auto* sub = dyn_cast<SubscriptNode>(e)) {
    comp_expr(sub->value);
    if (auto* t = dyn_cast<TupleNode>(sub->slice)) {
      comp_elements(t->elts);
    } else {
      comp_expr(sub->slice);
    }
    return;
  }
  for_each_child(e, [&](const Node* child) {
    if (failed_) return;
    if (is_expr(child)) {
      comp_expr(child);
    } else {
      for_each_child(child, [&](const Node* g) {
        if (!failed_ && is_expr(g)) comp_expr(g);
      });
    }
  });
}

}  // namespace semantic

bool check_semantic_syntax(const ast::ModuleNode* module, diag::DiagnosticEngine& diags) {
  if (!module) return true;
  semantic::Checker checker(diags);
  return checker.run(module);
}

}  // namespace molt::parse
