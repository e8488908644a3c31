; JavaScript tags, after tree-sitter-javascript's queries/tags.scm. Earlier patterns win when two claim one name.

(class_declaration name: (identifier) @name) @definition.class
(class name: (identifier) @name) @definition.class
(method_definition name: [(property_identifier) (private_property_identifier)] @name) @definition.method
(function_declaration name: (identifier) @name) @definition.function
(generator_function_declaration name: (identifier) @name) @definition.function
(variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)]) @definition.function
(assignment_expression
  left: [(identifier) @name (member_expression property: (property_identifier) @name)]
  right: [(arrow_function) (function_expression)]) @definition.function
(pair key: (property_identifier) @name value: [(arrow_function) (function_expression)]) @definition.function
(program (lexical_declaration (variable_declarator name: (identifier) @name))) @definition.constant
(program (export_statement (lexical_declaration (variable_declarator name: (identifier) @name)))) @definition.constant

; a call through a member (obj.map()) may mean any class's method: kind member
(call_expression function: (identifier) @name) @reference.call
(call_expression function: (member_expression property: (property_identifier) @name)) @reference.member
(new_expression constructor: [(identifier) @name (member_expression property: (property_identifier) @name)]) @reference.class
(class_heritage (identifier) @name) @reference.class
(export_specifier name: (identifier) @name) @reference.export
(jsx_opening_element name: (identifier) @name (#match? @name "^[A-Z]")) @reference.component
(jsx_self_closing_element name: (identifier) @name (#match? @name "^[A-Z]")) @reference.component
