; inherits: typescript
; TSX: TypeScript plus the components a JSX element uses.

(jsx_opening_element name: (identifier) @name (#match? @name "^[A-Z]")) @reference.component
(jsx_self_closing_element name: (identifier) @name (#match? @name "^[A-Z]")) @reference.component
