; Python tags, after tree-sitter-python's queries/tags.scm. Earlier patterns win when two claim one name.

(class_definition name: (identifier) @name) @definition.class
(class_definition body: (block (function_definition name: (identifier) @name))) @definition.method
(class_definition body: (block (decorated_definition definition: (function_definition name: (identifier) @name)))) @definition.method
(function_definition name: (identifier) @name) @definition.function
(module (expression_statement (assignment left: (identifier) @name))) @definition.constant

; a call through an attribute (obj.join()) may mean any class's method, or none of the repository's: kind member
(call function: (identifier) @name) @reference.call
(call function: (attribute attribute: (identifier) @name)) @reference.member
(class_definition superclasses: (argument_list [(identifier) @name (attribute attribute: (identifier) @name)])) @reference.class
(decorator [(identifier) @name (attribute attribute: (identifier) @name) (call function: (identifier) @name)]) @reference.call
(type [(identifier) @name (attribute attribute: (identifier) @name)]) @reference.type
(type (generic_type (identifier) @name)) @reference.type
(import_from_statement name: (dotted_name (identifier) @name .)) @reference.import
