package dev.daalu.server.bootstrap;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the last successful {@code workspace init} seeded, kept in the state directory for
 * {@code workspace status}. Holds no secret: the URL never carries credentials.
 *
 * @param repository the repository URL, or null when the workspace started empty
 * @param branch the branch checked out, or null
 * @param workspace the workspace folder, absolute
 */
public record SeedRecord(String repository, String branch, String workspace) {

    static final String FILE = "workspace.json";
    private static final Gson GSON = new Gson();

    /** The record, or empty when none was written or it cannot be read back. */
    public static Optional<SeedRecord> read(StateDirectory state) throws SeedingException {
        Optional<byte[]> bytes = state.read(FILE);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(GSON.fromJson(new String(bytes.get(), StandardCharsets.UTF_8), SeedRecord.class));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    void write(StateDirectory state) throws SeedingException {
        state.write(FILE, GSON.toJson(this).getBytes(StandardCharsets.UTF_8));
    }
}
