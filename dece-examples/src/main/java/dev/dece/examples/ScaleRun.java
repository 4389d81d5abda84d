package dev.dece.examples;

import dev.dece.core.Dece;
import dev.dece.core.quality.QualityOptions;
import dev.dece.core.report.Report;
import dev.dece.core.sql.Dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Benchmark harness (not a timed test): does every command grow near-linearly with its input? For each
 * command, the largest bundled input is multiplied 1x, 10x and 100x along the lists that grow in real
 * projects (a brief's consumers and sources, pipeline specs, a model's dimensions, a manifest's models, a
 * contract's columns, both sides of a schema change); after a warm-up, each size is run three times and the
 * best time is kept. The growth of a 10x step is printed as a ratio: 10 is linear, 100 quadratic. The run
 * fails (exit 1) when a 10x step costs more than {@link #MAX_STEP}x, the mark of a join that grows with the
 * square of the input.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -Xmx4g -cp "dece-examples/target/dece-examples-0.1.0.jar:dece-examples/target/lib/*" dev.dece.examples.ScaleRun [dece-examples [COMMAND [TOP]]]
 * </pre>
 *
 * With a command, only it is run; with TOP (a multiple of 100), the sizes are TOP/100, TOP/10 and TOP times.
 *
 * Run it when nothing else is running on the machine: the figures are wall-clock times.
 */
public final class ScaleRun {
    private ScaleRun() {}

    /** A 10x step that costs more than this is not near-linear. */
    static final double MAX_STEP = 30;

    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    record Sized(String command, String unit, IntFunction<Run> at) {}

    /** One prepared input: how many units it holds, and how to run the command on it. */
    record Run(int units, Task task) {}

    @FunctionalInterface
    interface Task {
        Report run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path examples = Path.of(args.length > 0 ? args[0] : "dece-examples");
        String only = args.length > 1 ? args[1] : null;
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        Path tmp = Files.createTempDirectory("dece-scale");
        Dece dece = Dece.builder().build();
        List<Sized> all = List.of(
                new Sized("assess", "consumers + sources", k -> brief(dece, examples.resolve("briefs/multi-domain-enterprise.yaml"), k)),
                new Sized("pipeline", "specs", k -> pipelines(dece, examples.resolve("pipelines"), tmp.resolve("p" + k), k)),
                new Sized("model", "dimensions", k -> model(dece, examples.resolve("models/orders-model.yaml"), k)),
                new Sized("lint", "models", k -> manifest(dece, examples.resolve("lint/manifest.json"), k)),
                new Sized("quality", "columns", k -> contract(dece, examples.resolve("contracts/orders.contract.yaml"), k)),
                new Sized("schema-change", "columns", k -> change(dece, examples.resolve("contracts/orders.contract.yaml"),
                        examples.resolve("contracts/orders.v2.contract.yaml"), k)));
        System.out.printf(Locale.ROOT, "%-14s %-20s %8s %8s %8s %9s %9s %9s %8s %8s%n", "command", "grows", "1x", "10x", "100x",
                "ms 1x", "ms 10x", "ms 100x", "10x/1x", "100x/10x");
        boolean linear = true;
        for (Sized s : all) {
            if (only != null && !only.equals(s.command())) continue;
            Run[] runs = {s.at().apply(top / 100), s.at().apply(top / 10), s.at().apply(top)};
            for (int i = 0; i < 3; i++) runs[0].task().run(); // warm-up: JIT, class loading, the rule base
            runs[1].task().run();
            double[] ms = new double[3];
            for (int i = 0; i < 3; i++) ms[i] = best(runs[i].task(), 3);
            double a = ms[1] / ms[0];
            double b = ms[2] / ms[1];
            if (b > MAX_STEP) linear = false;
            System.out.printf(Locale.ROOT, "%-14s %-20s %8d %8d %8d %9.1f %9.1f %9.1f %8.1f %8.1f%s%n", s.command(), s.unit(),
                    runs[0].units(), runs[1].units(), runs[2].units(), ms[0], ms[1], ms[2], a, b, b > MAX_STEP ? "  NOT LINEAR" : "");
        }
        System.out.println(linear ? "every 100x/10x step within " + MAX_STEP + "x: near-linear" : "a step is not near-linear");
        System.exit(linear ? 0 : 1);
    }

    static double best(Task t, int times) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            t.run();
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return best;
    }

    // ------------------------------------------------------------------ inputs, k times the bundled one

    /** The items of a list, k times, each copy's name-like fields suffixed so names stay unique. */
    static void multiply(JsonNode parent, String field, int k, String... nameFields) {
        JsonNode list = parent.get(field);
        if (list == null || !list.isArray()) throw new IllegalArgumentException("no list " + field);
        List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        var out = JSON.createArrayNode();
        for (int c = 0; c < k; c++) {
            for (JsonNode item : items) {
                JsonNode copy = item.deepCopy();
                if (c > 0 && copy.isObject()) {
                    for (String n : nameFields) {
                        if (copy.hasNonNull(n)) ((ObjectNode) copy).put(n, copy.get(n).asText() + "_" + c);
                    }
                }
                out.add(copy);
            }
        }
        ((ObjectNode) parent).set(field, out);
    }

    static Run brief(Dece dece, Path file, int k) {
        try {
            JsonNode root = YAML.readTree(file.toFile());
            multiply(root, "data_consumers", k, "team");
            multiply(root.get("current_state"), "sources", k, "name");
            String text = YAML.writeValueAsString(root);
            return new Run(root.get("data_consumers").size() + root.get("current_state").get("sources").size(),
                    () -> dece.assess("brief.yaml", text));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Run pipelines(Dece dece, Path dir, Path out, int k) {
        try {
            List<Path> specs = new ArrayList<>();
            try (var s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(specs::add);
            }
            Files.createDirectories(out);
            int n = 0;
            for (int c = 0; c < k; c++) {
                for (Path p : specs) {
                    JsonNode root = YAML.readTree(p.toFile());
                    JsonNode pipe = root.get("pipeline");
                    if (pipe != null && pipe.hasNonNull("name") && c > 0) ((ObjectNode) pipe).put("name", pipe.get("name").asText() + "_" + c);
                    Files.writeString(out.resolve(c + "-" + p.getFileName()), YAML.writeValueAsString(root), StandardCharsets.UTF_8);
                    n++;
                }
            }
            return new Run(n, () -> dece.pipeline(out));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Run model(Dece dece, Path file, int k) {
        try {
            JsonNode root = YAML.readTree(file.toFile());
            multiply(root, "dimensions", k, "name", "surrogate_key", "natural_key");
            String text = YAML.writeValueAsString(root);
            return new Run(root.get("dimensions").size(), () -> dece.model("model.yaml", text, Dialect.DUCKDB));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Run manifest(Dece dece, Path file, int k) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
            ObjectNode nodes = JSON.createObjectNode();
            int models = 0;
            for (int c = 0; c < k; c++) {
                for (Iterator<Map.Entry<String, JsonNode>> it = root.get("nodes").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    ObjectNode copy = e.getValue().deepCopy();
                    String suffix = c == 0 ? "" : "_" + c;
                    if (copy.hasNonNull("name")) copy.put("name", copy.get("name").asText() + suffix);
                    if (copy.hasNonNull("attached_node")) copy.put("attached_node", copy.get("attached_node").asText() + suffix);
                    if ("model".equals(copy.path("resource_type").asText())) models++;
                    nodes.set(e.getKey() + suffix, copy);
                }
            }
            root.set("nodes", nodes);
            String text = JSON.writeValueAsString(root);
            return new Run(models, () -> dece.lint("manifest.json", text));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String contractText(Path file, int k) throws Exception {
        JsonNode root = YAML.readTree(file.toFile());
        multiply(root.get("contract"), "schema", k, "column");
        return YAML.writeValueAsString(root);
    }

    static Run contract(Dece dece, Path file, int k) {
        try {
            String text = contractText(file, k);
            int cols = YAML.readTree(text).get("contract").get("schema").size();
            return new Run(cols, () -> dece.quality("contract.yaml", text, QualityOptions.generate(Dialect.DUCKDB)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Run change(Dece dece, Path before, Path after, int k) {
        try {
            String a = contractText(before, k);
            String b = contractText(after, k);
            int cols = YAML.readTree(a).get("contract").get("schema").size();
            return new Run(cols, () -> dece.schemaChange("old.yaml", a, "new.yaml", b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
