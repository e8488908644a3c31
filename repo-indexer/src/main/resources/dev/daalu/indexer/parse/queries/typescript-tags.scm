; TypeScript tags (and, by inheritance, TSX), after tree-sitter-typescript's queries/tags.scm and the JavaScript ones.
; Earlier patterns win when two claim one name.

(class_declaration name: (type_identifier) @name) @definition.class
(abstract_class_declaration name: (type_identifier) @name) @definition.class
(interface_declaration name: (type_identifier) @name) @definition.interface
(type_alias_declaration name: (type_identifier) @name) @definition.type
(enum_declaration name: (identifier) @name) @definition.enum
(internal_module name: [(identifier) (nested_identifier)] @name) @definition.module
(method_definition name: [(property_identifier) (private_property_identifier)] @name) @definition.method
(method_signature name: (property_identifier) @name) @definition.method
(abstract_method_signature name: (property_identifier) @name) @definition.method
(function_declaration name: (identifier) @name) @definition.function
(function_signature name: (identifier) @name) @definition.function
(generator_function_declaration name: (identifier) @name) @definition.function
(variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)]) @definition.function
(pair key: (property_identifier) @name value: [(arrow_function) (function_expression)]) @definition.function
(program (lexical_declaration (variable_declarator name: (identifier) @name))) @definition.constant
(program (export_statement declaration: (lexical_declaration (variable_declarator name: (identifier) @name)))) @definition.constant

; a call through a member (obj.map()) may mean any class's method: kind member
(call_expression function: (identifier) @name) @reference.call
(call_expression function: (member_expression property: (property_identifier) @name)) @reference.member
(new_expression constructor: [(identifier) @name (member_expression property: (property_identifier) @name)]) @reference.class
(extends_clause value: (identifier) @name) @reference.class
(implements_clause (type_identifier) @name) @reference.implementation
(export_specifier name: (identifier) @name) @reference.export
(type_identifier) @name @reference.type
