; HCL / Terraform tags. Block labels join with '.', so `resource "aws_s3_bucket" "logs"` defines
; aws_s3_bucket.logs, and traversals reference the same names: aws_s3_bucket.logs.arn -> aws_s3_bucket.logs.

(block (identifier) @_type (#eq? @_type "resource")
  . (string_lit (template_literal) @name) . (string_lit (template_literal) @name)) @definition.resource
(block (identifier) @_type (#eq? @_type "data")
  . (string_lit (template_literal) @name) . (string_lit (template_literal) @name)
  (#set! prefix "data.")) @definition.data
(block (identifier) @_type (#eq? @_type "variable") . (string_lit (template_literal) @name)
  (#set! prefix "var.")) @definition.variable
(block (identifier) @_type (#eq? @_type "module") . (string_lit (template_literal) @name)
  (#set! prefix "module.")) @definition.module
(block (identifier) @_type (#eq? @_type "output") . (string_lit (template_literal) @name)
  (#set! prefix "output.")) @definition.output
(block (identifier) @_type (#eq? @_type "provider") . (string_lit (template_literal) @name)
  (#set! prefix "provider.")) @definition.provider
(block (identifier) @_type (#eq? @_type "locals") (body (attribute (identifier) @name))
  (#set! prefix "local.")) @definition.local

(expression (variable_expr (identifier) @name (#eq? @name "data"))
  . (get_attr (identifier) @name) . (get_attr (identifier) @name)) @reference.data
(expression (variable_expr (identifier) @name (#eq? @name "var")) . (get_attr (identifier) @name)) @reference.variable
(expression (variable_expr (identifier) @name (#eq? @name "local")) . (get_attr (identifier) @name)) @reference.local
(expression (variable_expr (identifier) @name (#eq? @name "module")) . (get_attr (identifier) @name)) @reference.module
(attribute (identifier) @_key (#eq? @_key "provider") (expression (variable_expr (identifier) @name))
  (#set! prefix "provider.")) @reference.provider
(expression (variable_expr (identifier) @name
  (#not-any-of? @name "data" "var" "local" "module" "each" "count" "self" "path" "terraform"))
  . (get_attr (identifier) @name)) @reference.resource

; A module call sets the called module's variables and reads its outputs; modules resolve by name, so
; `vpc_id = ...` in a module block references var.vpc_id and module.network.vpc_id references output.vpc_id.
(block (identifier) @_type (#eq? @_type "module") (body (attribute (identifier) @name
  (#not-any-of? @name "source" "version" "providers" "count" "for_each" "depends_on")))
  (#set! prefix "var.")) @reference.variable
(expression (variable_expr (identifier) @_module (#eq? @_module "module")) . (get_attr (identifier))
  . (get_attr (identifier) @name) (#set! prefix "output.")) @reference.output
