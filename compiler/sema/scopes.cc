// scopes.cc — symbol-table construction with CPython's scoping rules.
#include "sema/scopes.h"

#include "parse/ast_walk.h"

namespace molt::sema {

namespace {

diag::Range range_of(const ast::Node* n) {
  return diag::Range{{n->lineno, n->col_offset}, {n->end_lineno, n->end_col_offset}};
}

bool is_builtin_name(std::string_view name) {
#define MOLT_BUILTIN(bname, impl, object) \
  if (name == #bname) return true;
#include "molt/builtins.def"
#undef MOLT_BUILTIN
  return false;
}

/// Collects the bindings and uses of one code unit in source order.
class ScopeBuilder {
 public:
  ScopeBuilder(Scope& scope, diag::DiagnosticEngine& diags, std::vector<const ast::Node*>& nested)
      : scope_(scope), diags_(diags), nested_(nested) {}

  void add_param(std::string_view name) {
    if (scope_.local_set.insert(name).second) scope_.locals.push_back(name);
    scope_.params.push_back(name);
    seen_[name] = Seen::Assigned;
  }

  void body(const ast::NodeList& stmts) {
    for (ast::Node* s : stmts) node(s);
  }

  /// Names stored (bound) in this scope, in order, including globals.
  std::vector<std::pair<std::string_view, const ast::Node*>> stores;

 private:
  enum class Seen : uint8_t { Used, Assigned };

  void bind(std::string_view name, const ast::Node* site) {
    stores.push_back({name, site});
    if (!seen_.count(name)) seen_[name] = Seen::Assigned;
    if (scope_.is_module || scope_.declared_global.count(name)) return;
    if (scope_.local_set.insert(name).second) scope_.locals.push_back(name);
  }

  void use(std::string_view name) {
    if (!seen_.count(name)) seen_[name] = Seen::Used;
  }

  void declare_global(const ast::GlobalNode* g) {
    for (std::string_view name : g->names) {
      auto it = seen_.find(name);
      bool is_param = false;
      for (std::string_view p : scope_.params) is_param |= p == name;
      if (is_param && !scope_.is_module) {
        diags_.report(diag::DiagId::NameParamAndGlobal, range_of(g), {name});
      } else if (it != seen_.end() && !scope_.declared_global.count(name)) {
        diags_.report(it->second == Seen::Used ? diag::DiagId::NameUsedBeforeGlobal
                                               : diag::DiagId::NameAssignedBeforeGlobal,
                      range_of(g), {name});
      }
      scope_.declared_global.insert(name);
    }
  }

  void node(const ast::Node* n) {
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
      case ast::NodeKind::Global:
        declare_global(ast::cast<ast::GlobalNode>(n));
        return;
      case ast::NodeKind::Nonlocal:
        if (scope_.is_module) diags_.report(diag::DiagId::NonlocalAtModule, range_of(n));
        return;
      case ast::NodeKind::FunctionDef:
      case ast::NodeKind::AsyncFunctionDef: {
        const auto* def = ast::cast<ast::FunctionDefNode>(n);
        // Decorators, defaults and annotations run in the enclosing scope;
        // the body is a scope of its own.
        for (ast::Node* d : def->decorator_list) node(d);
        const auto* args = ast::cast<ast::argumentsNode>(def->args);
        for (ast::Node* d : args->defaults) node(d);
        for (ast::Node* d : args->kw_defaults) {
          if (d) node(d);
        }
        nested_.push_back(n);
        bind(def->name, n);
        return;
      }
      case ast::NodeKind::ClassDef: {
        const auto* cls = ast::cast<ast::ClassDefNode>(n);
        for (ast::Node* d : cls->decorator_list) node(d);
        for (ast::Node* b : cls->bases) node(b);
        bind(cls->name, n);
        return;
      }
      case ast::NodeKind::Lambda:
      case ast::NodeKind::ListComp:
      case ast::NodeKind::SetComp:
      case ast::NodeKind::DictComp:
      case ast::NodeKind::GeneratorExp:
        // Own scopes (not analysed yet: the lowering rejects them).
        return;
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

  Scope& scope_;
  diag::DiagnosticEngine& diags_;
  std::vector<const ast::Node*>& nested_;
  std::unordered_map<std::string_view, Seen> seen_;
};

}  // namespace

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

bool ModuleScopes::analyze(const ast::ModuleNode* module, diag::DiagnosticEngine& diags) {
  size_t errors_before = diags.error_count();
  module_scope_.node = module;
  module_scope_.is_module = true;

  std::vector<const ast::Node*> pending;
  std::vector<std::pair<Scope*, std::vector<std::pair<std::string_view, const ast::Node*>>>> all_stores;
  {
    ScopeBuilder b(module_scope_, diags, pending);
    b.body(module->body);
    all_stores.push_back({&module_scope_, std::move(b.stores)});
  }
  // Nested definitions, breadth first (the map keeps references stable).
  for (size_t i = 0; i < pending.size(); ++i) {
    const auto* def = ast::cast<ast::FunctionDefNode>(pending[i]);
    Scope& scope = function_scopes_[def];
    scope.node = def;
    ScopeBuilder b(scope, diags, pending);
    const auto* args = ast::cast<ast::argumentsNode>(def->args);
    for (ast::Node* a : args->posonlyargs) b.add_param(ast::cast<ast::argNode>(a)->arg);
    for (ast::Node* a : args->args) b.add_param(ast::cast<ast::argNode>(a)->arg);
    if (args->vararg) b.add_param(ast::cast<ast::argNode>(args->vararg)->arg);
    for (ast::Node* a : args->kwonlyargs) b.add_param(ast::cast<ast::argNode>(a)->arg);
    if (args->kwarg) b.add_param(ast::cast<ast::argNode>(args->kwarg)->arg);
    b.body(def->body);
    all_stores.push_back({&scope, std::move(b.stores)});
  }
  // Global slots and binding counts.
  for (auto& [scope, stores] : all_stores) {
    for (auto& [name, site] : stores) {
      if (!scope->is_module && !scope->declared_global.count(name)) continue;
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
  if (!scope.is_module && !scope.declared_global.count(name) && scope.local_set.count(name)) return NameKind::Local;
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
