; Java tags, after tree-sitter-java's queries/tags.scm. Earlier patterns win when two claim one name.

(class_declaration name: (identifier) @name) @definition.class
(interface_declaration name: (identifier) @name) @definition.interface
(enum_declaration name: (identifier) @name) @definition.enum
(record_declaration name: (identifier) @name) @definition.class
(annotation_type_declaration name: (identifier) @name) @definition.interface
(method_declaration name: (identifier) @name) @definition.method
(constructor_declaration name: (identifier) @name) @definition.constructor
(interface_declaration body: (interface_body (constant_declaration declarator: (variable_declarator name: (identifier) @name)))) @definition.constant
(field_declaration
  (modifiers "static" "final")
  declarator: (variable_declarator name: (identifier) @name)) @definition.constant
(enum_constant name: (identifier) @name) @definition.constant

; a call on an object (list.add()) may mean any class's method: kind member
(method_invocation object: (_) name: (identifier) @name) @reference.member
(method_invocation name: (identifier) @name) @reference.call
(object_creation_expression type: [(type_identifier) @name (generic_type (type_identifier) @name)]) @reference.class
(superclass [(type_identifier) @name (generic_type (type_identifier) @name)]) @reference.class
(super_interfaces (type_list [(type_identifier) @name (generic_type (type_identifier) @name)])) @reference.implementation
(method_reference (identifier) @name .) @reference.call
(type_identifier) @name @reference.type
