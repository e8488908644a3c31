/**
 * The JSON-RPC wire contract of the agent server, and nothing else: the service interfaces LSP4J
 * binds to method names, and the records that travel as params and results. Field names are the
 * JSON names. Every method is documented in {@code docs/protocol.md}; {@code extension/src/protocol.ts}
 * mirrors these types.
 */
package dev.daalu.server.protocol;
