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
        return text(header, items, List.of());
    }

    /** The report, with the declarations bound as the host lays them out but laid out differently on other targets. */
    static String text(String header, List<Item> items, List<Item> perTarget) {
        StringBuilder sb = new StringBuilder();
        sb.append("# bindgen report for ").append(header).append('\n');
        sb.append("# ").append(items.size()).append(" declarations not bound\n");
        for (Item i : items) {
            sb.append(i).append('\n');
        }
        if (!perTarget.isEmpty()) {
            sb.append("# ").append(perTarget.size()).append(" declarations whose layout differs by target (right on LP64 only)\n");
            for (Item i : perTarget) {
                sb.append(perTargetText(i)).append('\n');
            }
        }
        return sb.toString();
    }

    static String perTargetText(Item i) {
        return "differs by target: " + i.kind() + " " + i.name() + ": " + i.reason();
    }
}
