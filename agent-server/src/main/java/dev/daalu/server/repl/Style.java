package dev.daalu.server.repl;

/** ANSI styling that turns itself off when colours are not wanted (NO_COLOR, a pipe, a dumb terminal). */
final class Style {

    private final boolean on;

    Style(boolean on) {
        this.on = on;
    }

    String dim(String text) {
        return wrap("2", text);
    }

    String bold(String text) {
        return wrap("1", text);
    }

    String red(String text) {
        return wrap("31", text);
    }

    String green(String text) {
        return wrap("32", text);
    }

    String yellow(String text) {
        return wrap("33", text);
    }

    String cyan(String text) {
        return wrap("36", text);
    }

    /** A unified diff with added lines green and removed lines red. */
    String diff(String diff) {
        if (!on) {
            return diff;
        }
        StringBuilder out = new StringBuilder();
        for (String line : diff.split("\n", -1)) {
            if (line.startsWith("+++") || line.startsWith("---")) {
                out.append(bold(line));
            } else if (line.startsWith("+")) {
                out.append(green(line));
            } else if (line.startsWith("-")) {
                out.append(red(line));
            } else if (line.startsWith("@@")) {
                out.append(cyan(line));
            } else {
                out.append(line);
            }
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private String wrap(String code, String text) {
        return on ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
