package dev.daalu.e2e.seeding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/** Looks for a token, in every form it takes on the way to a server, in files, text and running processes. */
final class SecretScan {

    private final List<String> forms;

    /**
     * @param token the raw token
     * @param users the user names it may be sent with (its {@code user:token} base64 and {@code Basic} forms)
     */
    SecretScan(String token, String... users) {
        List<String> all = new ArrayList<>();
        all.add(token);
        all.add(base64(token));
        for (String user : users) {
            all.add(base64(user + ":" + token));
            all.add("Basic " + base64(user + ":" + token));
        }
        this.forms = List.copyOf(all);
    }

    /** Also scans for these exact strings (for example those a case file lists). */
    SecretScan(List<String> forms) {
        this.forms = List.copyOf(forms);
    }

    /** "form in where" for each form found in {@code text}. */
    List<String> inText(String where, String text) {
        return forms.stream().filter(text::contains).map(form -> quote(form) + " in " + where).toList();
    }

    /** "form in file" for each form found in any regular file under the roots (links are not followed). */
    List<String> inFiles(Path... roots) {
        List<String> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                        .forEach(file -> hits.addAll(inText(file.toString(), read(file))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hits;
    }

    /** "form in /proc/PID/cmdline|environ" for {@code process} and each of its descendants now running. */
    List<String> inProcesses(ProcessHandle process) {
        List<String> hits = new ArrayList<>();
        Stream.concat(Stream.of(process), process.descendants()).forEach(handle -> {
            for (String file : List.of("cmdline", "environ")) {
                Path path = Path.of("/proc", Long.toString(handle.pid()), file);
                String text = Files.isReadable(path) ? read(path).replace('\0', ' ') : "";
                hits.addAll(inText(path + " (" + handle.info().command().orElse("?") + ")", text));
            }
        });
        return hits;
    }

    private static String read(Path file) {
        try {
            // ISO-8859-1 maps every byte to one char, so binary files are searched byte for byte
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    private static String quote(String form) {
        return "'" + form.substring(0, Math.min(12, form.length())) + "...'";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
