package dev.daalu.server.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TiersFileTest {

    @TempDir
    Path temp;

    @Test
    void readsTiersWithTheirGpus() throws IOException {
        Path file = Files.writeString(temp.resolve("tiers.json"), """
                {"tiers": [{"id": "team-gpu", "kind": "own-gpu", "baseUrl": "http://10.0.0.5:8000/v1/", "online": true,
                            "gpus": [{"name": "L4", "memoryGb": 24}, {"name": "L40S", "memoryGb": 48}]},
                           {"id": "ext", "kind": "external", "baseUrl": "https://api.example.com/v1"}]}
                """);

        List<Tier> tiers = TiersFile.read(file);

        assertEquals("http://10.0.0.5:8000/v1", tiers.get(0).baseUrl().toString());
        assertEquals(48, tiers.get(0).largestGpuGb());
        assertEquals("http://10.0.0.5:8000", tiers.get(0).origin());
        assertEquals("https://api.example.com:443", tiers.get(1).origin());
        assertTrue(tiers.get(1).online(), "online defaults to true");
    }

    @Test
    void aMissingFileMeansNoTiers() throws IOException {
        assertEquals(List.of(), TiersFile.read(temp.resolve("absent.json")));
    }

    @Test
    void malformedFilesNameTheFileAndTheField() throws IOException {
        assertEquals(temp.resolve("t.json") + ": tiers[0].kind is required and must be a non-empty string",
                error("{\"tiers\":[{\"id\":\"a\",\"baseUrl\":\"http://h/v1\"}]}"));
        assertTrue(error("{\"tiers\":[{\"id\":\"a\",\"kind\":\"cloud\",\"baseUrl\":\"http://h/v1\"}]}").contains("unknown tier kind 'cloud'"));
        assertTrue(error("{\"tiers\":[{\"id\":\"a\",\"kind\":\"own-gpu\",\"baseUrl\":\"ftp://h/v1\"}]}").contains("must start with http"));
        assertTrue(error("{\"tiers\":[{\"id\":\"a\",\"kind\":\"own-gpu\",\"baseUrl\":\"http://u:p@h/v1\"}]}").contains("must not hold credentials"));
        assertTrue(error("{\"tiers\":[{\"id\":\"a\",\"kind\":\"own-gpu\",\"baseUrl\":\"http://h\",\"gpus\":[{\"memoryGb\":-1}]}]}")
                .contains("memoryGb must be between"));
        assertTrue(error("{\"tiers\": [").startsWith(temp.resolve("t.json").toString()));
    }

    @Test
    void theLocationFollowsTheEnvironment() {
        assertEquals(Path.of("/etc/daalu/tiers.json"), TiersFile.location(Map.of("DAALU_TIERS_FILE", "/etc/daalu/tiers.json")));
        assertEquals(Path.of("/x/daalu/tiers.json"), TiersFile.location(Map.of("XDG_CONFIG_HOME", "/x")));
        assertEquals(Path.of("/home/u/.config/daalu/tiers.json"), TiersFile.location(Map.of("HOME", "/home/u")));
    }

    private String error(String json) throws IOException {
        Path file = Files.writeString(temp.resolve("t.json"), json);
        return assertThrows(IOException.class, () -> TiersFile.read(file)).getMessage();
    }
}
