package dev.daalu.server.bootstrap;

import dev.daalu.server.Cases;

import java.util.ArrayList;
import java.util.List;

/** Case B38 read from its file: six helper requests, and the URLs that must never reach git. */
final class B38 {

    static final String FILE = "B38-credential-helper-requests.txt";
    /** The one repository the case's helper is configured for. */
    static final String CONFIGURED = "https://git.example.com/acme/private-service.git";

    private B38() {
    }

    /** Each {@code get} request block, exactly as git would write it (lines, then the blank line). */
    static List<String> requests() {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : Cases.text(FILE).split("\n", -1)) {
            if (line.startsWith("# --- block")) {
                block = new StringBuilder();
            } else if (block != null && line.isEmpty()) {
                blocks.add(block.append('\n').toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** The URLs after the "must refuse" comment, as written in the file. */
    static List<String> refusedUrls() {
        String text = Cases.text(FILE);
        String tail = text.substring(text.indexOf("# URLs the product must refuse"));
        return tail.lines().filter(line -> line.startsWith("https://")).toList();
    }
}
