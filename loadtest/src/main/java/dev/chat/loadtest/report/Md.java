package dev.chat.loadtest.report;

import java.util.List;
import java.util.Locale;

/** Small Markdown helpers: tables and number formats used throughout REPORT.md. */
final class Md {

    private final StringBuilder out = new StringBuilder();

    Md line(String text) {
        out.append(text).append('\n');
        return this;
    }

    Md blank() {
        return line("");
    }

    Md heading(int level, String text) {
        return blank().line("#".repeat(level) + " " + text).blank();
    }

    Md row(Object... cells) {
        StringBuilder r = new StringBuilder("|");
        for (Object cell : cells) {
            r.append(' ').append(cell == null ? "" : cell).append(" |");
        }
        return line(r.toString());
    }

    Md header(String... cells) {
        row((Object[]) cells);
        return line("|" + "---|".repeat(cells.length));
    }

    Md rows(List<Object[]> rows) {
        rows.forEach(r -> row(r));
        return this;
    }

    static String n(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String n1(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    static String ratio(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "×%.2f", value);
    }

    static String pct(double value) {
        return String.format(Locale.ROOT, value == 0 ? "%.0f %%" : value < 0.01 ? "%.4f %%" : "%.2f %%", value);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
