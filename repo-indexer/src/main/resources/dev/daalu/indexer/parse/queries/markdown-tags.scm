; Markdown tags: headings (for runbooks), and inline code that names a symbol, as a reference to it.

((atx_heading (heading_content) @name) @definition.heading
  (#extract! @name "^\\s*(.*?)[\\s#]*$"))
((setext_heading (heading_content) @name) @definition.heading
  (#extract! @name "^\\s*(.*?)\\s*$"))

((code_span (text) @name) @reference.code
  (#match? @name "^[A-Za-z_][A-Za-z0-9_./-]*$"))
