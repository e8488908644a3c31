package dev.daalu.server.protocol;

/**
 * {@code search/query} params.
 *
 * @param query text, identifier or regular expression
 * @param regex whether {@code query} is a regular expression (default false)
 * @param glob optional path filter such as {@code *.tf}
 * @param maxResults cap on hits (default 50, at most 1000)
 */
public record SearchParams(String query, Boolean regex, String glob, Integer maxResults) { }
