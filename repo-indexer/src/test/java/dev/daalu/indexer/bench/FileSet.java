package dev.daalu.indexer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files git sees in a tree ({@code git ls-files --cached --others --exclude-standard}: .gitignore at every
 * level and .git/info/exclude), which the baselines run on. Symbolic links are counted apart: the index never
 * follows them, and the baselines get regular files only.
 *
 * @param files regular files, relative to the root, in git's order
 * @param symlinks how many entries git lists that are symbolic links
 * @param bytes total size of the regular files
 * @param nulList the files NUL-separated (for {@code xargs -0})
 * @param lineList the files one per line (for {@code ctags -L})
 */
record FileSet(List<String> files, int symlinks, long bytes, Path nulList, Path lineList) {

    FileSet {
        files = List.copyOf(files);
    }

    static FileSet of(Path root, Path listPrefix) throws IOException, InterruptedException {
        CommandRun git = CommandRun.run(root,
                List.of("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"), true);
        List<String> files = new ArrayList<>();
        int symlinks = 0;
        long bytes = 0;
        for (String path : new String(git.stdout(), StandardCharsets.UTF_8).split("\0")) {
            if (path.isEmpty()) {
                continue;
            }
            Path file = root.resolve(path);
            if (Files.isSymbolicLink(file)) {
                symlinks++;
            } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                files.add(path);
                bytes += Files.size(file);
            }
        }
        Path nul = Path.of(listPrefix + ".files0");
        Path lines = Path.of(listPrefix + ".files");
        Files.createDirectories(nul.getParent());
        Files.writeString(nul, String.join("\0", files) + "\0", StandardCharsets.UTF_8);
        Files.writeString(lines, String.join("\n", files) + "\n", StandardCharsets.UTF_8);
        return new FileSet(files, symlinks, bytes, nul, lines);
    }
}
