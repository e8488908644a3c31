package dev.daalu.indexer.rank;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default estimate against real counts: rank/tokens holds sample texts and what the Qwen3 tokenizer
 * (same vocabulary as Qwen2.5) makes of them (qwen-token-counts.tsv).
 */
class CodeTokenEstimatorTest {

    private final TokenEstimator estimator = TokenEstimator.qwenCode();

    @Test
    void neverUnderestimatesAndStaysWithinAQuarterAboveTheRealCount() throws IOException {
        List<String> rows = read("tokens/qwen-token-counts.tsv").lines().filter(l -> !l.startsWith("#")).toList();
        assertTrue(rows.size() >= 6);
        for (String row : rows) {
            String[] columns = row.split("\t");
            int real = Integer.parseInt(columns[1]);
            int estimate = estimator.estimate(read("tokens/" + columns[0]));
            assertTrue(estimate >= real, columns[0] + ": estimate " + estimate + " below the real " + real);
            assertTrue(estimate <= real * 1.25, columns[0] + ": estimate " + estimate + " far above the real " + real);
        }
    }

    @Test
    void aLongerTextNeverEstimatesFewerTokens() {
        String text = "  12: def parse_hosts(lines: list[str]) -> dict:  # Grüße 世界 ✅\n";
        int previous = 0;
        for (int end = 0; end <= text.length(); end++) {
            int tokens = estimator.estimate(text.substring(0, end));
            assertTrue(tokens >= previous, "prefix of " + end + " chars");
            previous = tokens;
        }
        assertEquals(0, estimator.estimate(""));
    }

    private static String read(String name) throws IOException {
        try (InputStream in = CodeTokenEstimatorTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
