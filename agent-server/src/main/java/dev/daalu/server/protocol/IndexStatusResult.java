package dev.daalu.server.protocol;

import java.util.List;

/**
 * {@code index/status} result.
 *
 * @param state {@code empty}, {@code indexing}, {@code ready} or {@code failed}
 * @param tokenCounting how prompt tokens are counted for budgets
 */
public record IndexStatusResult(String state, String indexDir, long filesTotal, long textFiles, long binaryFiles,
                                long parsedFiles, long parseSkipped, long lastPassMillis, List<Problem> problems,
                                TokenCounting tokenCounting) {

    public record Problem(String path, String message) { }

    /**
     * @param mode {@code exact} (the server's {@code /tokenize}) or {@code estimate} (local, calibrated)
     * @param detail e.g. "vLLM /tokenize" or "3.6 chars per token, calibrated from 4 responses"
     */
    public record TokenCounting(String mode, String detail) { }
}
