package dev.javabridge.bindgen;

import java.util.List;

/** What the generator refused, by name, with the reason: nothing is dropped silently. */
final class Report {
    record Item(String kind, String name, String reason) {
        @Override
        public String toString() {
            return "unsupported " + kind + " " + name + ": " + reason;
        }
    }

    private Report() {}

    static String text(String header, List<Item> items) {
        StringBuilder sb = new StringBuilder();
        sb.append("# bindgen report for ").append(header).append('\n');
        sb.append("# ").append(items.size()).append(" declarations not bound\n");
        for (Item i : items) {
            sb.append(i).append('\n');
        }
        return sb.toString();
    }
}
