package dev.daalu.server.runtime;

/**
 * How prompt tokens are counted for context budgets.
 *
 * @param exact true when the serving tier's {@code /tokenize} is used, false for the local calibrated estimate
 * @param detail e.g. "vLLM /tokenize" or "estimate: 3.4 chars per token from 5 responses"
 */
public record TokenCountingStatus(boolean exact, String detail) { }
