; C tags, after tree-sitter-c's queries/tags.scm, plus macros, enumerators and references (calls, types).
; Earlier patterns win when two claim one name. Kernel-style code hides declarations behind attribute
; macros (`static __always_inline __alloc_size(1) void *kmalloc(...)`), which tree-sitter can only read
; as errors: the patterns on ERROR nodes recover the function names there, and the predicates keep
; macro calls (`__alloc_size(1)`) and calls misread as declarations (`return f(a, b);`, whose
; "parameters" are bare names) from passing for definitions.

((function_definition declarator: [
  (function_declarator declarator: (identifier) @name parameters: (parameter_list) @_params)
  (pointer_declarator declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @_params))
  (pointer_declarator declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @_params)))]) @definition.function
  (#not-match? @_params "^\\(\\s*[0-9\"']"))
((declaration declarator: [
  (function_declarator declarator: (identifier) @name parameters: (parameter_list) @_params)
  (pointer_declarator declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list) @_params))]) @definition.prototype
  (#not-match? @_params "^\\(\\s*(?!void\\b)[A-Za-z_][A-Za-z0-9_]*(\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)*\\s*\\)$"))
(ERROR [
  (function_declarator declarator: (identifier) @name parameters: (parameter_list (parameter_declaration declarator: (_))))
  (pointer_declarator declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list (parameter_declaration declarator: (_)))))
  (function_declarator declarator: (pointer_declarator declarator: (function_declarator declarator: (identifier) @name parameters: (parameter_list (parameter_declaration declarator: (_))))))]) @definition.function
((ERROR (function_declarator declarator: (identifier) @name
  parameters: (parameter_list . (parameter_declaration type: (primitive_type) @_void) .))) @definition.function
  (#eq? @_void "void"))
(struct_specifier name: (type_identifier) @name body: (_)) @definition.struct
(union_specifier name: (type_identifier) @name body: (_)) @definition.union
(enum_specifier name: (type_identifier) @name body: (_)) @definition.enum
(type_definition declarator: (type_identifier) @name) @definition.type
(preproc_function_def name: (identifier) @name) @definition.macro
(preproc_def name: (identifier) @name) @definition.macro
(enumerator name: (identifier) @name) @definition.constant

(call_expression function: (identifier) @name) @reference.call
(type_identifier) @name @reference.type
