package dev.daalu.indexer.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one codebase's run: measures beside their baselines, with the ratio and PASS/MISS against a
 * target where one is set. Printed as aligned tables and written as TSV (one file for the measures, one for the
 * queries). Not thread-safe.
 */
final class Report {

    /** One measure; empty strings where a column does not apply. */
    record Row(String measure, String value, String baseline, String ratio, String target, String verdict) { }

    /** One search query: both totals (matching lines) and both median latencies. */
    record QueryRow(String kind, String mode, String text, long indexTotal, long rgTotal, double indexMedianMillis,
                    double rgMedianMillis, String note) {
        boolean totalsAgree() {
            return indexTotal == rgTotal;
        }
    }

    private final String codebase;
    private final List<Row> rows = new ArrayList<>();
    private final List<QueryRow> queries = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(String codebase) {
        this.codebase = codebase;
    }

    /** A measure without a baseline or target. */
    void fact(String measure, String value) {
        rows.add(new Row(measure, value, "", "", "", ""));
    }

    /** A measure beside a baseline, with their ratio; PASS when the ratio is at most {@code maxRatio} (NaN: no target). */
    void ratio(String measure, double value, double baseline, String unit, String baselineName, double maxRatio) {
        double ratio = value / baseline;
        String target = Double.isNaN(maxRatio) ? "" : "<= " + format(maxRatio) + "x";
        String verdict = Double.isNaN(maxRatio) ? "" : ratio <= maxRatio ? "PASS" : "MISS";
        rows.add(new Row(measure, format(value) + " " + unit, baselineName + " " + format(baseline) + " " + unit,
                format(ratio) + "x", target, verdict));
    }

    /** A measure against an absolute limit (NaN: no target). */
    void limit(String measure, double value, String unit, double limit) {
        String target = Double.isNaN(limit) ? "" : "< " + format(limit) + " " + unit;
        String verdict = Double.isNaN(limit) ? "" : value < limit ? "PASS" : "MISS";
        rows.add(new Row(measure, format(value) + " " + unit, "", "", target, verdict));
    }

    void query(QueryRow row) {
        queries.add(row);
    }

    /** A finding worth reading beside the tables (a count difference, a mismatch). */
    void note(String text) {
        notes.add(text);
    }

    List<QueryRow> queries() {
        return queries;
    }

    void print(PrintStream out) {
        out.println();
        out.println("== " + codebase + " ==");
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"measure", "value", "baseline", "ratio", "target", ""});
        for (Row row : rows) {
            table.add(new String[] {row.measure(), row.value(), row.baseline(), row.ratio(), row.target(), row.verdict()});
        }
        printTable(out, table);
        out.println();
        List<String[]> queryTable = new ArrayList<>();
        queryTable.add(new String[] {"kind", "mode", "query", "index total", "rg total", "agree", "index p50 ms",
                "rg p50 ms", "note"});
        for (QueryRow q : queries) {
            queryTable.add(new String[] {q.kind(), q.mode(), q.text(), Long.toString(q.indexTotal()),
                    Long.toString(q.rgTotal()), q.totalsAgree() ? "yes" : "NO", format(q.indexMedianMillis()),
                    format(q.rgMedianMillis()), q.note()});
        }
        printTable(out, queryTable);
        for (String note : notes) {
            out.println("note: " + note);
        }
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder measures = new StringBuilder("codebase\tmeasure\tvalue\tbaseline\tratio\ttarget\tverdict\n");
        for (Row r : rows) {
            measures.append(String.join("\t", codebase, r.measure(), r.value(), r.baseline(), r.ratio(), r.target(),
                    r.verdict())).append('\n');
        }
        Files.writeString(dir.resolve(codebase + ".tsv"), measures, StandardCharsets.UTF_8);
        StringBuilder lines = new StringBuilder(
                "codebase\tkind\tmode\tquery\tindex_total\trg_total\tagree\tindex_p50_ms\trg_p50_ms\tnote\n");
        for (QueryRow q : queries) {
            lines.append(String.join("\t", codebase, q.kind(), q.mode(), q.text(), Long.toString(q.indexTotal()),
                    Long.toString(q.rgTotal()), Boolean.toString(q.totalsAgree()), format(q.indexMedianMillis()),
                    format(q.rgMedianMillis()), q.note())).append('\n');
        }
        Files.writeString(dir.resolve(codebase + "-queries.tsv"), lines, StandardCharsets.UTF_8);
        Files.write(dir.resolve(codebase + "-notes.txt"), notes, StandardCharsets.UTF_8);
    }

    /** Three significant figures, without exponent for the magnitudes a benchmark meets. */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static void printTable(PrintStream out, List<String[]> table) {
        int[] widths = new int[table.get(0).length];
        for (String[] line : table) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : table) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(i == 0 ? "" : " | ").append(line[i]).append(" ".repeat(widths[i] - line[i].length()));
            }
            out.println(text.toString().stripTrailing());
        }
    }
}
