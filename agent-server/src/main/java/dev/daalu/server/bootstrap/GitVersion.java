package dev.daalu.server.bootstrap;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A git release number, as {@code git version} prints it ({@code git version 2.39.5},
 * {@code git version 2.39.5.windows.1}, {@code git version 2.39.3 (Apple Git-146)}).
 */
public record GitVersion(int major, int minor, int patch) implements Comparable<GitVersion> {

    /**
     * The oldest git we run: 2.26.1 fixed the credential-helper URL injections CVE-2020-5260 and CVE-2020-11008
     * (case B38), which a clone with a token would otherwise be open to.
     */
    public static final GitVersion MINIMUM = new GitVersion(2, 26, 1);

    private static final Pattern VERSION = Pattern.compile("^git version (\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** The version in {@code git version}'s output, or empty when it is not there. */
    public static Optional<GitVersion> parse(String output) {
        Matcher m = VERSION.matcher(output == null ? "" : output.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GitVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean isAtLeast(GitVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(GitVersion other) {
        if (major != other.major) {
            return Integer.compare(major, other.major);
        }
        if (minor != other.minor) {
            return Integer.compare(minor, other.minor);
        }
        return Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
