package dev.daalu.e2e.seeding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The hard inputs of ../shared/cases that the seeding tests use, copied into this module's test resources. */
final class SeedingCases {

    /** The fake token of B34, B35 and B37. */
    static final String TOKEN = "TESTTOKEN-B34-0123456789abcdef0123";

    private SeedingCases() {
    }

    static String text(String name) {
        try (InputStream in = SeedingCases.class.getResourceAsStream("/cases/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test case " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a case file into {@code dir}. */
    static Path copy(String name, Path dir) throws IOException {
        return Files.writeString(dir.resolve(name), text(name));
    }
}
