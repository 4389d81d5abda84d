package dev.dece.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What the engine needs to know of one methodology command: its name, its rule sets in phases, and the
 * order its topics are read in. Each command's package declares one (e.g. {@code Assess.COMMAND}) and
 * the facade registers it once.
 *
 * <p>Phases run in order, each in its own session over its rule sets. After a phase the engine picks the
 * winner of every slot voted on in it and inserts {@code Chosen} and {@code NotChosen} facts into the
 * later phases; no rule re-derives a winner, and no salience orders one rule set after another.
 *
 * <pre>{@code
 * new Command("assess", "Assess an Architecture Brief",
 *         List.of(List.of("assess.architecture"), List.of("assess.storage"), List.of("assess.growth")),
 *         List.of("architecture.pattern", "storage", "growth"), "docs/brief.md");
 * }</pre>
 *
 * @param name       the command-line name, e.g. {@code schema-change}
 * @param summary    one line for help texts
 * @param phases     rule sets (DRL package paths under {@code dev.dece.rules}, e.g. {@code assess.storage})
 *                   per phase, in order; never empty
 * @param topicOrder the topics in the order people read them; topics not listed follow alphabetically
 * @param docPage    the documentation page of the command, relative to the repository root
 * @param reader     reads the command's input files into facts without evaluating them (for
 *                   {@code Dece.prepare}); {@code null} when the command's input is not files alone
 */
public record Command(String name, String summary, List<List<String>> phases, List<String> topicOrder, String docPage,
                      Reader reader) {

    /** Reads input files into the facts the command evaluates. */
    @FunctionalInterface
    public interface Reader {
        Bound read(Engine engine, List<java.nio.file.Path> inputs) throws dev.dece.core.input.InputException;
    }

    /**
     * Input read and bound, not yet evaluated.
     *
     * @param inputs the input names, as the report lists them
     * @param shared facts every batch sees (e.g. a brief's consumers)
     * @param items  the independent items (pipelines, tables), evaluated {@code batch} at a time
     */
    public record Bound(List<String> inputs, List<?> shared, List<?> items, int batch) {
        public Bound {
            inputs = List.copyOf(inputs);
            shared = List.copyOf(shared);
            items = List.copyOf(items);
        }

        /** Facts evaluated together, in one batch. */
        public static Bound of(List<String> inputs, List<?> facts) {
            return new Bound(inputs, List.of(), facts, Integer.MAX_VALUE);
        }
    }

    public Command {
        Objects.requireNonNull(name, "name");
        phases = phases.stream().map(List::copyOf).toList();
        if (phases.isEmpty() || phases.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException(name + ": every command has at least one phase, and no phase is empty");
        }
        topicOrder = List.copyOf(topicOrder);
    }

    /** Every rule set of every phase, in phase order. */
    public List<String> ruleSets() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        phases.forEach(all::addAll);
        return new ArrayList<>(all);
    }

    /** The position of {@code topic} in {@link #topicOrder()}; a sub-topic ({@code governance.pii}) sorts with its parent. */
    int topicIndex(String topic) {
        int exact = topicOrder.indexOf(topic);
        if (exact >= 0) return exact;
        for (int i = 0; i < topicOrder.size(); i++) {
            String t = topicOrder.get(i);
            // a sub-topic without building "t." for every comparison (the report's sort calls this often)
            if (topic.length() > t.length() && topic.charAt(t.length()) == '.' && topic.startsWith(t)) return i;
        }
        return topicOrder.size();
    }
}
