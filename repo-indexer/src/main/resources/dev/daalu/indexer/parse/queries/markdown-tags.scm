; Markdown tags (the block grammar of tree-sitter-grammars/tree-sitter-markdown): headings, for runbooks,
; and the inline code spans that name a symbol (`deploy_service`, `var.region`), as references to it.

((atx_heading heading_content: (inline) @name) @definition.heading
  (#extract! @name "^\\s*(.*?)[\\s#]*$"))
((setext_heading heading_content: (paragraph (inline) @name)) @definition.heading
  (#extract! @name "^\\s*(.*?)\\s*$"))

((inline) @name @reference.code
  (#scan! @name "(?<!`)`([A-Za-z_][A-Za-z0-9_./:-]*)`(?!`)"))
