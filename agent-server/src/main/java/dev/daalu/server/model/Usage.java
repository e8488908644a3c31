package dev.daalu.server.model;

/** Token usage the server reported for one request. */
public record Usage(int promptTokens, int completionTokens, int totalTokens) { }
