; Dockerfile tags: build stages (FROM ... AS build) and the instructions that use them, and build variables.

(from_instruction as: (image_alias) @name) @definition.stage
(arg_instruction name: (unquoted_string) @name) @definition.variable
(env_instruction (env_pair name: (unquoted_string) @name)) @definition.variable

((copy_instruction (param) @name) @reference.stage
  (#extract! @name "^--from=(.+)$"))
((run_instruction (mount_param) @name) @reference.stage
  (#extract! @name "from=([^,\\s]+)"))
(from_instruction (image_spec name: (image_name) @name)) @reference.stage
(expansion (variable) @name) @reference.variable
