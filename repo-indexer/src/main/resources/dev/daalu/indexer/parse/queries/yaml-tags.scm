; YAML structure for YamlTagger: documents, sequences, and mapping pairs with their key and scalar value.
; YamlTagger turns these into Helm chart, values and Kubernetes manifest tags (see its Javadoc).

(document) @document

[(block_sequence) (flow_sequence)] @sequence

(block_mapping_pair
  key: (_) @key
  value: (flow_node [(plain_scalar) (double_quote_scalar) (single_quote_scalar)] @value)?) @pair

(flow_pair
  key: (_) @key
  value: (flow_node [(plain_scalar) (double_quote_scalar) (single_quote_scalar)] @value)?) @pair
