// scopes.cc — symbol-table construction with CPython's scoping rules.
//
// The SyntaxErrors CPython's symtable raises (misplaced global/nonlocal,
// missing nonlocal bindings, ...) are reported earlier by
// parse::check_semantic_syntax; this pass assumes a valid program and only
// computes how names resolve.
#include "sema/scopes.h"

#include <algorithm>
#include <functional>
#include <memory>

#include "parse/ast_walk.h"

namespace molt::sema {

const ast::NodeList& comprehension_generators(const ast::Node* n) {
  switch (n->kind) {
    case ast::NodeKind::ListComp:
      return ast::cast<ast::ListCompNode>(n)->generators;
    case ast::NodeKind::SetComp:
      return ast::cast<ast::SetCompNode>(n)->generators;
    case ast::NodeKind::DictComp:
      return ast::cast<ast::DictCompNode>(n)->generators;
    default:
      return ast::cast<ast::GeneratorExpNode>(n)->generators;
  }
}

namespace {

bool is_builtin_name(std::string_view name) {
#define MOLT_BUILTIN_FN(bname, impl, object) \
  if (name == #bname) return true;
#include "molt/builtins.def"
#undef MOLT_BUILTIN_FN
  return false;
}

/// Collects the bindings, uses and nested scopes of one code unit.
class ScopeBuilder {
 public:
  using NewScope = std::function<Scope*(Scope::Kind, const ast::Node*)>;

  ScopeBuilder(Scope& scope, NewScope new_scope) : scope_(scope), new_scope_(std::move(new_scope)) {}

  void add_param(std::string_view name) {
    if (scope_.local_set.insert(name).second) scope_.locals.push_back(name);
    scope_.params.push_back(name);
  }

  void body(const ast::NodeList& stmts) {
    for (ast::Node* s : stmts) node(s);
  }
  void node(const ast::Node* n);

  /// Binding sites in order (for global store counts): name and node.
  std::vector<std::pair<std::string_view, const ast::Node*>> stores;
  /// Scopes to fill next: (scope, node).
  std::vector<std::pair<Scope*, const ast::Node*>> nested;

 private:
  void bind(std::string_view name, const ast::Node* site) {
    stores.push_back({name, site});
    if (scope_.is_module || scope_.declared_global.count(name) || scope_.declared_nonlocal.count(name)) return;
    if (scope_.local_set.insert(name).second) scope_.locals.push_back(name);
  }
  void use(std::string_view name) {
    scope_.uses.push_back(name);
    if (name == "super" || name == "__class__") scope_.uses_class_cell = true;
  }

  void arguments(const ast::Node* args_node) {
    // Defaults and annotations are evaluated in the enclosing scope.
    const auto* args = ast::cast<ast::argumentsNode>(args_node);
    for (ast::Node* d : args->defaults) node(d);
    for (ast::Node* d : args->kw_defaults) {
      if (d) node(d);
    }
    auto annotation = [&](ast::Node* a) {
      if (a && ast::cast<ast::argNode>(a)->annotation) node(ast::cast<ast::argNode>(a)->annotation);
    };
    for (ast::Node* a : args->posonlyargs) annotation(a);
    for (ast::Node* a : args->args) annotation(a);
    annotation(args->vararg);
    for (ast::Node* a : args->kwonlyargs) annotation(a);
    annotation(args->kwarg);
  }

  Scope& scope_;
  NewScope new_scope_;
};

void ScopeBuilder::node(const ast::Node* n) {
  switch (n->kind) {
    case ast::NodeKind::Name: {
      const auto* name = ast::cast<ast::NameNode>(n);
      if (name->ctx == ast::ExprContext::Load) {
        use(name->id);
      } else {
        bind(name->id, n);
      }
      return;
    }
    case ast::NodeKind::Yield:
    case ast::NodeKind::YieldFrom:
      scope_.is_generator = true;
      ast::for_each_child(n, [&](const ast::Node* c) { node(c); });
      return;
    case ast::NodeKind::Global:
      for (std::string_view name : ast::cast<ast::GlobalNode>(n)->names) scope_.declared_global.insert(name);
      return;
    case ast::NodeKind::NamedExpr: {
      const auto* ne = ast::cast<ast::NamedExprNode>(n);
      node(ne->value);
      std::string_view name = ast::cast<ast::NameNode>(ne->target)->id;
      if (scope_.is_comprehension) {
        // PEP 572: `:=` in a comprehension binds in the enclosing function
        // (or module): a nonlocal (or global) of the comprehension.
        Scope* owner = scope_.parent;
        while (owner != nullptr && owner->is_comprehension) owner = owner->parent;
        if (owner == nullptr || owner->is_module) {
          scope_.declared_global.insert(name);
          stores.push_back({name, n});
        } else {
          scope_.declared_nonlocal.insert(name);
          scope_.uses.push_back(name);
          if (owner->local_set.insert(name).second) owner->locals.push_back(name);
        }
        return;
      }
      bind(name, ne->target);
      return;
    }
    case ast::NodeKind::Nonlocal:
      for (std::string_view name : ast::cast<ast::NonlocalNode>(n)->names) {
        scope_.declared_nonlocal.insert(name);
        use(name);
      }
      return;
    case ast::NodeKind::FunctionDef:
    case ast::NodeKind::AsyncFunctionDef: {
      const auto* def = ast::cast<ast::FunctionDefNode>(n);
      for (ast::Node* d : def->decorator_list) node(d);
      arguments(def->args);
      if (def->returns) node(def->returns);
      nested.push_back({new_scope_(Scope::Kind::Function, n), n});
      bind(def->name, n);
      return;
    }
    case ast::NodeKind::Lambda: {
      arguments(ast::cast<ast::LambdaNode>(n)->args);
      nested.push_back({new_scope_(Scope::Kind::Function, n), n});
      return;
    }
    case ast::NodeKind::ClassDef: {
      const auto* cls = ast::cast<ast::ClassDefNode>(n);
      for (ast::Node* d : cls->decorator_list) node(d);
      for (ast::Node* b : cls->bases) node(b);
      for (ast::Node* k : cls->keywords) node(k);
      nested.push_back({new_scope_(Scope::Kind::Class, n), n});
      bind(cls->name, n);
      return;
    }
    case ast::NodeKind::ListComp:
    case ast::NodeKind::SetComp:
    case ast::NodeKind::DictComp:
    case ast::NodeKind::GeneratorExp: {
      // A comprehension is a scope of its own whose first iterable is
      // evaluated in the enclosing scope.
      const ast::NodeList& gens = comprehension_generators(n);
      node(ast::cast<ast::comprehensionNode>(gens[0])->iter);
      nested.push_back({new_scope_(Scope::Kind::Function, n), n});
      return;
    }
    case ast::NodeKind::Import:
    case ast::NodeKind::ImportFrom: {
      const ast::NodeList& names = n->kind == ast::NodeKind::Import ? ast::cast<ast::ImportNode>(n)->names
                                                                    : ast::cast<ast::ImportFromNode>(n)->names;
      for (ast::Node* a : names) {
        const auto* alias = ast::cast<ast::aliasNode>(a);
        std::string_view bound = alias->asname.data() ? alias->asname : alias->name;
        if (n->kind == ast::NodeKind::Import && !alias->asname.data()) bound = bound.substr(0, bound.find('.'));
        if (bound != "*") bind(bound, n);
      }
      return;
    }
    case ast::NodeKind::ExceptHandler: {
      const auto* h = ast::cast<ast::ExceptHandlerNode>(n);
      if (h->type) node(h->type);
      if (h->name.data()) bind(h->name, n);
      body(h->body);
      return;
    }
    case ast::NodeKind::MatchAs:
    case ast::NodeKind::MatchStar:
    case ast::NodeKind::MatchMapping: {
      ast::for_each_child(n, [&](const ast::Node* c) { node(c); });
      std::string_view name = n->kind == ast::NodeKind::MatchAs     ? ast::cast<ast::MatchAsNode>(n)->name
                              : n->kind == ast::NodeKind::MatchStar ? ast::cast<ast::MatchStarNode>(n)->name
                                                                    : ast::cast<ast::MatchMappingNode>(n)->rest;
      if (name.data()) bind(name, n);
      return;
    }
    default:
      ast::for_each_child(n, [&](const ast::Node* c) { node(c); });
      return;
  }
}

std::string qualname_for(const Scope& parent, std::string_view name) {
  if (parent.kind == Scope::Kind::Function && parent.is_comprehension)
    return parent.qualname + ".<locals>." + std::string(name);
  // CPython: functions nested in functions get "<locals>" in between.
  if (parent.is_module) return std::string(name);
  if (parent.kind == Scope::Kind::Function) return parent.qualname + ".<locals>." + std::string(name);
  return parent.qualname + "." + std::string(name);
}

}  // namespace

ModuleScopes::ModuleScopes() = default;

Scope* ModuleScopes::new_scope(Scope::Kind kind, const ast::Node* node, Scope* parent) {
  all_.push_back(std::make_unique<Scope>());
  Scope* s = all_.back().get();
  s->kind = kind;
  s->node = node;
  s->parent = parent;
  s->is_module = kind == Scope::Kind::Module;
  if (parent) parent->children.push_back(s);
  if (node) scopes_[node] = s;
  return s;
}

uint32_t ModuleScopes::ensure_slot(std::string_view name) { return slot_for(name); }

uint32_t ModuleScopes::slot_for(std::string_view name) {
  auto it = globals_.find(name);
  if (it != globals_.end()) return it->second.slot;
  GlobalInfo info;
  info.slot = static_cast<uint32_t>(global_names_.size());
  global_names_.push_back(name);
  globals_.emplace(name, info);
  return info.slot;
}

void ModuleScopes::resolve_frees(Scope* scope, diag::DiagnosticEngine& diags) {
  // Every function scope: each name it uses without binding (or declares
  // nonlocal) refers to the nearest enclosing function that binds it.
  if (scope->kind != Scope::Kind::Module) {
    for (std::string_view name : scope->uses) {
      if (scope->declared_global.count(name)) continue;
      if (scope->local_set.count(name) && !scope->declared_nonlocal.count(name)) continue;
      Scope* owner = nullptr;
      for (Scope* p = scope->parent; p != nullptr && !p->is_module; p = p->parent) {
        if (p->kind == Scope::Kind::Class) continue;  // class bodies do not enclose
        if (p->declared_global.count(name)) break;
        if (p->local_set.count(name) && !p->declared_nonlocal.count(name)) {
          owner = p;
          break;
        }
      }
      if (owner == nullptr) continue;  // a global (or a builtin)
      owner->cells.insert(name);
      // This scope and every scope between it and the owner pass it on.
      for (Scope* s = scope; s != owner; s = s->parent) {
        if (std::find(s->frees.begin(), s->frees.end(), name) == s->frees.end()) s->frees.push_back(name);
      }
    }
  }
  // super() and __class__ reach the class being defined through an implicit
  // __class__ cell owned by the class body.
  if (scope->kind == Scope::Kind::Function && scope->uses_class_cell) {
    Scope* owner = nullptr;
    for (Scope* p = scope->parent; p != nullptr; p = p->parent) {
      if (p->kind == Scope::Kind::Class) {
        owner = p;
        break;
      }
    }
    if (owner != nullptr) {
      owner->cells.insert("__class__");
      for (Scope* s = scope; s != owner; s = s->parent) {
        if (std::find(s->frees.begin(), s->frees.end(), "__class__") == s->frees.end()) s->frees.push_back("__class__");
      }
    }
  }
  for (Scope* child : scope->children) resolve_frees(child, diags);
}

bool ModuleScopes::analyze(const ast::ModuleNode* module, diag::DiagnosticEngine& diags) {
  size_t errors_before = diags.error_count();
  module_scope_ = new_scope(Scope::Kind::Module, module, nullptr);
  std::vector<std::pair<Scope*, std::vector<std::pair<std::string_view, const ast::Node*>>>> all_stores;
  std::vector<std::pair<Scope*, const ast::Node*>> pending;
  auto run = [&](Scope* scope, auto&& fill) {
    ScopeBuilder b(*scope, [this, scope](Scope::Kind kind, const ast::Node* node) {
      return new_scope(kind, node, scope);
    });
    fill(b);
    all_stores.push_back({scope, std::move(b.stores)});
    pending.insert(pending.end(), b.nested.begin(), b.nested.end());
  };
  run(module_scope_, [&](ScopeBuilder& b) { b.body(module->body); });
  for (size_t i = 0; i < pending.size(); ++i) {
    auto [scope, node] = pending[i];
    if (node->kind == ast::NodeKind::ClassDef) {
      const auto* cls = ast::cast<ast::ClassDefNode>(node);
      scope->qualname = qualname_for(*scope->parent, cls->name);
      run(scope, [&](ScopeBuilder& b) { b.body(cls->body); });
      continue;
    }
    if (node->kind == ast::NodeKind::ListComp || node->kind == ast::NodeKind::SetComp ||
        node->kind == ast::NodeKind::DictComp || node->kind == ast::NodeKind::GeneratorExp) {
      scope->is_comprehension = true;
      scope->is_generator = node->kind == ast::NodeKind::GeneratorExp;
      const char* label = node->kind == ast::NodeKind::ListComp  ? "<listcomp>"
                          : node->kind == ast::NodeKind::SetComp ? "<setcomp>"
                          : node->kind == ast::NodeKind::DictComp ? "<dictcomp>"
                                                                  : "<genexpr>";
      scope->qualname = qualname_for(*scope->parent, label);
      run(scope, [&](ScopeBuilder& b) {
        b.add_param(".0");
        const ast::NodeList& gens = comprehension_generators(node);
        for (uint32_t k = 0; k < gens.size; ++k) {
          const auto* g = ast::cast<ast::comprehensionNode>(gens[k]);
          if (k > 0) b.node(g->iter);
          b.node(g->target);
          for (ast::Node* cond : g->ifs) b.node(cond);
        }
        if (const auto* d = ast::dyn_cast<ast::DictCompNode>(node)) {
          b.node(d->key);
          b.node(d->value);
        } else if (const auto* l = ast::dyn_cast<ast::ListCompNode>(node)) {
          b.node(l->elt);
        } else if (const auto* s = ast::dyn_cast<ast::SetCompNode>(node)) {
          b.node(s->elt);
        } else {
          b.node(ast::cast<ast::GeneratorExpNode>(node)->elt);
        }
      });
      continue;
    }
    const ast::Node* args_node;
    if (node->kind == ast::NodeKind::Lambda) {
      args_node = ast::cast<ast::LambdaNode>(node)->args;
      scope->qualname = qualname_for(*scope->parent, "<lambda>");
    } else {
      const auto* def = ast::cast<ast::FunctionDefNode>(node);
      args_node = def->args;
      scope->qualname = qualname_for(*scope->parent, def->name);
    }
    run(scope, [&](ScopeBuilder& b) {
      const auto* args = ast::cast<ast::argumentsNode>(args_node);
      for (ast::Node* a : args->posonlyargs) b.add_param(ast::cast<ast::argNode>(a)->arg);
      for (ast::Node* a : args->args) b.add_param(ast::cast<ast::argNode>(a)->arg);
      for (ast::Node* a : args->kwonlyargs) b.add_param(ast::cast<ast::argNode>(a)->arg);
      if (args->vararg) b.add_param(ast::cast<ast::argNode>(args->vararg)->arg);
      if (args->kwarg) b.add_param(ast::cast<ast::argNode>(args->kwarg)->arg);
      if (node->kind == ast::NodeKind::Lambda) {
        b.node(ast::cast<ast::LambdaNode>(node)->body);
      } else {
        b.body(ast::cast<ast::FunctionDefNode>(node)->body);
      }
    });
  }
  resolve_frees(module_scope_, diags);
  // Global slots and binding counts.
  for (auto& [scope, stores] : all_stores) {
    for (auto& [name, site] : stores) {
      bool global = scope->is_module || scope->declared_global.count(name);
      if (!global) continue;
      slot_for(name);
      GlobalInfo& info = globals_[name];
      ++info.store_count;
      info.only_def = nullptr;
      if (info.store_count == 1 && scope->is_module && site->kind == ast::NodeKind::FunctionDef)
        info.only_def = ast::cast<ast::FunctionDefNode>(site);
    }
  }
  return diags.error_count() == errors_before;
}

NameKind ModuleScopes::resolve(const Scope& scope, std::string_view name) const {
  if (scope.kind == Scope::Kind::Class && !scope.declared_global.count(name)) {
    if (scope.local_set.count(name)) return NameKind::ClassName;
    if (std::find(scope.frees.begin(), scope.frees.end(), name) != scope.frees.end()) return NameKind::Free;
  } else if (!scope.is_module && !scope.declared_global.count(name)) {
    if (std::find(scope.frees.begin(), scope.frees.end(), name) != scope.frees.end()) return NameKind::Free;
    if (scope.local_set.count(name)) return scope.cells.count(name) ? NameKind::Cell : NameKind::Local;
  }
  if (!is_stored_global(name) && is_builtin_name(name)) return NameKind::Builtin;
  return NameKind::Global;
}

const GlobalInfo* ModuleScopes::global(std::string_view name) const {
  auto it = globals_.find(name);
  return it == globals_.end() ? nullptr : &it->second;
}

bool ModuleScopes::is_stored_global(std::string_view name) const {
  auto it = globals_.find(name);
  return it != globals_.end() && it->second.store_count > 0;
}

}  // namespace molt::sema
