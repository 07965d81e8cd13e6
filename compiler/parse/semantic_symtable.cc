// semantic_symtable.cc — the future-import check (CPython's future.c) and
// the symbol table pass (symtable.c): global/nonlocal misuse, duplicate
// parameters and type parameters, `import *` outside the module, assignment
// expressions in comprehensions, yield inside comprehensions, and the
// analysis that finds nonlocal names without a binding.
#include <unordered_set>

#include "parse/ast_walk.h"
#include "parse/semantic_check_impl.h"

namespace molt::parse::semantic {

using namespace ast;

bool is_expr(const Node* n) {
  return category_of(n->kind) == Category::Expr;
}
bool is_stmt(const Node* n) {
  return category_of(n->kind) == Category::Stmt;
}
bool is_pattern(const Node* n) {
  return category_of(n->kind) == Category::Pattern;
}

namespace {

bool is_docstring(const Node* s) {
  auto* e = dyn_cast<ExprNode>(s);
  if (!e) return false;
  auto* c = dyn_cast<ConstantNode>(e->value);
  return c && c->value.kind == ConstKind::Str;
}

}  // namespace

void Checker::error_id(const Node* n, diag::DiagId id, std::initializer_list<std::string_view> args) {
  if (failed_) return;
  failed_ = true;
  diags_.report(id, diag::Range{{n->lineno, n->col_offset}, {n->end_lineno, n->end_col_offset}}, args);
}

void Checker::error(const Node* n, std::string msg) {
  if (failed_) return;
  failed_ = true;
  diags_.report_message(diag::DiagId::SyntaxErrorMessage,
                        diag::Range{{n->lineno, n->col_offset}, {n->end_lineno, n->end_col_offset}},
                        std::move(msg));
}

// future.c: only the leading `from __future__` imports (after a docstring)
// are examined here; later ones are the compiler's business.
void Checker::check_future(const ModuleNode* m) {
  static const std::unordered_set<std::string_view> kFeatures = {
      "nested_scopes",  "generators",       "division",       "absolute_import", "with_statement",
      "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",  "annotations"};
  uint32_t i = 0;
  if (m->body.size > 0 && is_docstring(m->body[0])) i = 1;
  for (; i < m->body.size; ++i) {
    auto* imp = dyn_cast<ImportFromNode>(m->body[i]);
    if (!imp || imp->module.data() == nullptr || imp->module != "__future__") return;
    for (const Node* n : imp->names) {
      std::string_view name = cast<aliasNode>(n)->name;
      if (name == "braces") {
        error(imp, "not a chance");
        return;
      }
      if (!kFeatures.count(name)) {
        error(imp, "future feature " + std::string(name) + " is not defined");
        return;
      }
    }
    future_end_line_ = imp->end_lineno;
    future_end_col_ = imp->end_col_offset;
  }
}

Scope* Checker::new_scope(ScopeKind kind, const Node* node) {
  scopes_.push_back(std::make_unique<Scope>());
  Scope* s = scopes_.back().get();
  s->kind = kind;
  s->parent = cur_;
  s->node = node;
  if (cur_) cur_->children.push_back(s);
  if (node) scope_map_[node] = s;
  return s;
}

void Checker::add_def(std::string_view name, uint32_t flag, const Node* at, Scope* scope) {
  if (failed_) return;
  Scope* s = scope ? scope : cur_;
  auto it = s->flags.find(name);
  if (it == s->flags.end()) {
    s->order.push_back(name);
    it = s->flags.emplace(name, 0).first;
  }
  uint32_t& f = it->second;
  if ((flag & kDefParam) && (f & kDefParam)) {
    error_id(at, diag::DiagId::DuplicateArgument, {name});
    return;
  }
  if ((flag & kDefTypeParam) && (f & kDefTypeParam)) {
    error(at, "duplicate type parameter '" + std::string(name) + "'");
    return;
  }
  if (s->comp_iter_target && (flag & kDefLocal)) flag |= kDefCompIter;
  f |= flag;
}

void Checker::sym_stmts(const NodeList& body) {
  for (const Node* s : body) {
    if (failed_) return;
    sym_stmt(s);
  }
}

void Checker::sym_exprs(const NodeList& l) {
  for (const Node* e : l) {
    if (failed_) return;
    if (e) sym_expr(e);
  }
}

void Checker::sym_type_params(const NodeList& params) {
  for (const Node* p : params) {
    if (failed_) return;
    if (auto* t = dyn_cast<TypeVarNode>(p)) {
      add_def(t->name, kDefTypeParam | kDefLocal, p);
      if (t->bound) sym_expr(t->bound);
    } else if (auto* ps = dyn_cast<ParamSpecNode>(p)) {
      add_def(ps->name, kDefTypeParam | kDefLocal, p);
    } else if (auto* tv = dyn_cast<TypeVarTupleNode>(p)) {
      add_def(tv->name, kDefTypeParam | kDefLocal, p);
    }
  }
}

void Checker::sym_arguments(const argumentsNode* a) {
  auto param = [&](const Node* n) {
    if (n) add_def(cast<argNode>(n)->arg, kDefParam, n);
  };
  for (const Node* n : a->posonlyargs) param(n);
  for (const Node* n : a->args) param(n);
  param(a->vararg);
  for (const Node* n : a->kwonlyargs) param(n);
  param(a->kwarg);
}

void Checker::sym_annotations(const argumentsNode* a, const Node* returns) {
  auto ann = [&](const Node* n) {
    if (n && cast<argNode>(n)->annotation) sym_expr(cast<argNode>(n)->annotation);
  };
  for (const Node* n : a->posonlyargs) ann(n);
  for (const Node* n : a->args) ann(n);
  ann(a->vararg);
  for (const Node* n : a->kwonlyargs) ann(n);
  ann(a->kwarg);
  if (returns) sym_expr(returns);
}

// FunctionDef / AsyncFunctionDef: the name, defaults, decorators, type
// parameters and annotations in the enclosing scope; parameters and body in
// the function's own.
void Checker::sym_function(const Node* s) {
  bool is_async = s->kind == NodeKind::AsyncFunctionDef;
  auto* fd = is_async ? nullptr : cast<FunctionDefNode>(s);
  auto* afd = is_async ? cast<AsyncFunctionDefNode>(s) : nullptr;
  auto* args = cast<argumentsNode>(is_async ? afd->args : fd->args);
  add_def(is_async ? afd->name : fd->name, kDefLocal, s);
  sym_exprs(args->defaults);
  sym_exprs(args->kw_defaults);
  sym_exprs(is_async ? afd->decorator_list : fd->decorator_list);
  Scope* outer = cur_;
  const NodeList& tparams = is_async ? afd->type_params : fd->type_params;
  if (tparams.size > 0) {
    cur_ = new_scope(ScopeKind::TypeParams, nullptr);
    sym_type_params(tparams);
  }
  sym_annotations(args, is_async ? afd->returns : fd->returns);
  Scope* fn = new_scope(ScopeKind::Function, s);
  fn->is_async = is_async;
  cur_ = fn;
  sym_arguments(args);
  sym_stmts(is_async ? afd->body : fd->body);
  cur_ = outer;
}

void Checker::sym_class(const ClassDefNode* c) {
  add_def(c->name, kDefLocal, c);
  sym_exprs(c->bases);
  for (const Node* k : c->keywords) sym_expr(cast<keywordNode>(k)->value);
  sym_exprs(c->decorator_list);
  Scope* outer = cur_;
  if (c->type_params.size > 0) {
    cur_ = new_scope(ScopeKind::TypeParams, nullptr);
    sym_type_params(c->type_params);
  }
  cur_ = new_scope(ScopeKind::Class, c);
  sym_stmts(c->body);
  cur_ = outer;
}

void Checker::sym_type_alias(const TypeAliasNode* t) {
  sym_expr(t->name);
  Scope* outer = cur_;
  if (t->type_params.size > 0) {
    cur_ = new_scope(ScopeKind::TypeParams, nullptr);
    sym_type_params(t->type_params);
  }
  cur_ = new_scope(ScopeKind::Function, nullptr);
  sym_expr(t->value);
  cur_ = outer;
}

void Checker::sym_ann_assign(const AnnAssignNode* a) {
  if (auto* name = dyn_cast<NameNode>(a->target)) {
    auto it = cur_->flags.find(name->id);
    uint32_t f = it == cur_->flags.end() ? 0 : it->second;
    if ((f & (kDefGlobal | kDefNonlocal)) && cur_->kind != ScopeKind::Module && a->simple) {
      error(a, "annotated name '" + std::string(name->id) +
                   ((f & kDefGlobal) ? "' can't be global" : "' can't be nonlocal"));
      return;
    }
    if (a->simple) {
      add_def(name->id, kDefAnnot | kDefLocal, name);
    } else if (a->value) {
      add_def(name->id, kDefLocal, name);
    }
  } else {
    sym_expr(a->target);
  }
  sym_expr(a->annotation);
  if (a->value) sym_expr(a->value);
}

void Checker::sym_global(const Node* s, const IdentList& names, bool global) {
  for (std::string_view name : names) {
    auto it = cur_->flags.find(name);
    uint32_t f = it == cur_->flags.end() ? 0 : it->second;
    if (f & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
      std::string n(name);
      const char* what = global ? "global" : "nonlocal";
      if (f & kDefParam) {
        if (global) {
          error_id(s, diag::DiagId::NameParamAndGlobal, {name});
        } else {
          error(s, "name '" + n + "' is parameter and " + what);
        }
      } else if (f & kUse) {
        if (global) {
          error_id(s, diag::DiagId::NameUsedBeforeGlobal, {name});
        } else {
          error(s, "name '" + n + "' is used prior to " + what + " declaration");
        }
      } else if (f & kDefAnnot) {
        error(s, "annotated name '" + n + "' can't be " + what);
      } else if (global) {
        error_id(s, diag::DiagId::NameAssignedBeforeGlobal, {name});
      } else {
        error(s, "name '" + n + "' is assigned to before " + what + " declaration");
      }
      return;
    }
    add_def(name, global ? kDefGlobal : kDefNonlocal, s);
    cur_->directives.emplace(name, s);
  }
}

void Checker::sym_import(const NodeList& names) {
  for (const Node* n : names) {
    auto* a = cast<aliasNode>(n);
    if (a->name == "*") {
      if (cur_->kind != ScopeKind::Module) {
        error(n, "import * only allowed at module level");
        return;
      }
      continue;
    }
    std::string_view stored = a->asname.data() ? a->asname : a->name.substr(0, a->name.find('.'));
    add_def(stored, kDefLocal, n);
  }
}

void Checker::sym_handler(const ExceptHandlerNode* h) {
  if (h->type) sym_expr(h->type);
  if (h->name.data()) add_def(h->name, kDefLocal, h);
  sym_stmts(h->body);
}

// The children of a statement or of a helper node (withitem, match_case,
// keyword, ...), in field order.
void Checker::sym_children(const Node* n) {
  for_each_child(n, [&](const Node* child) {
    if (failed_) return;
    switch (category_of(child->kind)) {
      case Category::Stmt: sym_stmt(child); break;
      case Category::Expr: sym_expr(child); break;
      case Category::Pattern: sym_pattern(child); break;
      case Category::ExceptHandler: sym_handler(cast<ExceptHandlerNode>(child)); break;
      case Category::Product: sym_children(child); break;
      case Category::Mod:
      case Category::TypeParam: break;
    }
  });
}

void Checker::sym_stmt(const Node* s) {
  NodeKind k = s->kind;
  if (k == NodeKind::FunctionDef || k == NodeKind::AsyncFunctionDef) {
    sym_function(s);
  } else if (auto* c = dyn_cast<ClassDefNode>(s)) {
    sym_class(c);
  } else if (auto* t = dyn_cast<TypeAliasNode>(s)) {
    sym_type_alias(t);
  } else if (auto* a = dyn_cast<AnnAssignNode>(s)) {
    sym_ann_assign(a);
  } else if (auto* g = dyn_cast<GlobalNode>(s)) {
    sym_global(s, g->names, true);
  } else if (auto* nl = dyn_cast<NonlocalNode>(s)) {
    sym_global(s, nl->names, false);
  } else if (auto* i = dyn_cast<ImportNode>(s)) {
    sym_import(i->names);
  } else if (auto* f = dyn_cast<ImportFromNode>(s)) {
    sym_import(f->names);
  } else {
    sym_children(s);
  }
}

void Checker::sym_pattern(const Node* p) {
  if (failed_) return;
  if (auto* m = dyn_cast<MatchAsNode>(p)) {
    if (m->pattern) sym_pattern(m->pattern);
    if (m->name.data()) add_def(m->name, kDefLocal, p);
  } else if (auto* star = dyn_cast<MatchStarNode>(p)) {
    if (star->name.data()) add_def(star->name, kDefLocal, p);
  } else if (auto* map = dyn_cast<MatchMappingNode>(p)) {
    sym_exprs(map->keys);
    for (const Node* q : map->patterns) sym_pattern(q);
    if (map->rest.data()) add_def(map->rest, kDefLocal, p);
  } else {
    for_each_child(p, [&](const Node* child) {
      if (is_pattern(child)) {
        sym_pattern(child);
      } else if (is_expr(child)) {
        sym_expr(child);
      }
    });
  }
}

// symtable_handle_namedexpr / symtable_extend_namedexpr_scope.
void Checker::sym_namedexpr(const NamedExprNode* e) {
  if (cur_->comp_iter_expr > 0) {
    error(e, "assignment expression cannot be used in a comprehension iterable expression");
    return;
  }
  if (cur_->kind == ScopeKind::Comprehension) {
    auto* target = cast<NameNode>(e->target);
    for (Scope* s = cur_; s; s = s->parent) {
      if (s->kind == ScopeKind::Comprehension) {
        auto it = s->flags.find(target->id);
        if (it != s->flags.end() && (it->second & kDefCompIter) && (it->second & kDefLocal)) {
          error(target, "assignment expression cannot rebind comprehension iteration variable '" +
                            std::string(target->id) + "'");
          return;
        }
        continue;
      }
      if (s->kind == ScopeKind::Class) {
        error(target, "assignment expression within a comprehension cannot be used in a class body");
        return;
      }
      if (s->kind == ScopeKind::Module) {
        add_def(target->id, kDefGlobal, target);
        add_def(target->id, kDefGlobal, target, s);
        break;
      }
      // A function-like scope binds the target.
      auto it = s->flags.find(target->id);
      bool global = it != s->flags.end() && (it->second & kDefGlobal);
      add_def(target->id, global ? kDefGlobal : kDefNonlocal, target);
      add_def(target->id, kDefLocal, target, s);
      break;
    }
  }
  sym_expr(e->value);
  if (failed_) return;
  if (cur_->kind != ScopeKind::Comprehension) add_def(cast<NameNode>(e->target)->id, kDefLocal, e->target);
}

void Checker::sym_comprehension(const Node* e, const Node* elt, const Node* value, const NodeList& generators,
                                const char* name) {
  auto* first = cast<comprehensionNode>(generators[0]);
  // The outermost iterable is evaluated in the enclosing scope.
  ++cur_->comp_iter_expr;
  sym_expr(first->iter);
  --cur_->comp_iter_expr;
  if (failed_) return;
  Scope* outer = cur_;
  Scope* comp = new_scope(ScopeKind::Comprehension, e);
  comp->comp_name = name;
  cur_ = comp;
  for (uint32_t i = 0; i < generators.size && !failed_; ++i) {
    auto* g = cast<comprehensionNode>(generators[i]);
    if (g->is_async) comp->is_async = true;
    if (i > 0) {
      ++comp->comp_iter_expr;
      sym_expr(g->iter);
      --comp->comp_iter_expr;
    }
    comp->comp_iter_target = true;
    sym_expr(g->target);
    comp->comp_iter_target = false;
    sym_exprs(g->ifs);
  }
  if (value) sym_expr(value);
  if (elt) sym_expr(elt);
  cur_ = outer;
}

void Checker::sym_expr(const Node* e) {
  if (failed_) return;
  if (auto* n = dyn_cast<NameNode>(e)) {
    add_def(n->id, n->ctx == ExprContext::Load ? kUse : kDefLocal, e);
    return;
  }
  if (auto* ne = dyn_cast<NamedExprNode>(e)) {
    sym_namedexpr(ne);
    return;
  }
  if (e->kind == NodeKind::Yield || e->kind == NodeKind::YieldFrom) {
    if (cur_->kind == ScopeKind::Comprehension) {
      error(e, std::string("'yield' inside ") + cur_->comp_name);
      return;
    }
    cur_->is_generator = true;
  } else if (e->kind == NodeKind::Await) {
    if (cur_->kind == ScopeKind::Comprehension) cur_->is_async = true;
  } else if (auto* l = dyn_cast<LambdaNode>(e)) {
    auto* args = cast<argumentsNode>(l->args);
    sym_exprs(args->defaults);
    sym_exprs(args->kw_defaults);
    Scope* outer = cur_;
    cur_ = new_scope(ScopeKind::Lambda, e);
    sym_arguments(args);
    sym_expr(l->body);
    cur_ = outer;
    return;
  } else if (auto* lc = dyn_cast<ListCompNode>(e)) {
    sym_comprehension(e, lc->elt, nullptr, lc->generators, "list comprehension");
    return;
  } else if (auto* sc = dyn_cast<SetCompNode>(e)) {
    sym_comprehension(e, sc->elt, nullptr, sc->generators, "set comprehension");
    return;
  } else if (auto* dc = dyn_cast<DictCompNode>(e)) {
    sym_comprehension(e, dc->key, dc->value, dc->generators, "dict comprehension");
    return;
  } else if (auto* ge = dyn_cast<GeneratorExpNode>(e)) {
    sym_comprehension(e, ge->elt, nullptr, ge->generators, "generator expression");
    return;
  }
  for_each_child(e, [&](const Node* child) {
    if (failed_) return;
    if (is_expr(child)) {
      sym_expr(child);
    } else {
      for_each_child(child, [&](const Node* g) {
        if (!failed_ && is_expr(g)) sym_expr(g);
      });
    }
  });
}

// symtable's analysis: a nonlocal name needs a binding in an enclosing
// function scope (class scopes do not count).
void Checker::analyze(Scope* scope) {
  if (failed_) return;
  for (std::string_view name : scope->order) {
    uint32_t f = scope->flags[name];
    if (!(f & kDefNonlocal)) continue;
    auto dir = scope->directives.find(name);
    const Node* at = dir == scope->directives.end() ? scope->node : dir->second;
    if (scope->kind == ScopeKind::Module) {
      if (at) error_id(at, diag::DiagId::NonlocalAtModule);
      return;
    }
    bool bound = false;
    for (Scope* s = scope->parent; s && !bound; s = s->parent) {
      if (s->kind == ScopeKind::Module) break;
      if (s->kind == ScopeKind::Class) {
        // A class body provides the implicit __class__ (and __classdict__)
        // cells to the functions inside it.
        if (name == "__class__" || name == "__classdict__") bound = true;
        continue;
      }
      auto it = s->flags.find(name);
      if (it != s->flags.end() && (it->second & (kDefLocal | kDefParam | kDefNonlocal)) &&
          !(it->second & kDefGlobal)) {
        bound = true;
      }
    }
    if (!bound && at && scope->kind != ScopeKind::Comprehension) {
      error(at, "no binding for nonlocal '" + std::string(name) + "' found");
      return;
    }
  }
  for (Scope* child : scope->children) analyze(child);
}

bool Checker::run(const ModuleNode* m) {
  check_future(m);
  if (failed_) return false;
  Scope* module = new_scope(ScopeKind::Module, m);
  cur_ = module;
  sym_stmts(m->body);
  if (failed_) return false;
  analyze(module);
  if (failed_) return false;
  unit_ = Unit{module};
  comp_stmts(m->body);
  return !failed_;
}

}  // namespace molt::parse::semantic
