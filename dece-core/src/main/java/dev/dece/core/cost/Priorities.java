package dev.dece.core.cost;

import dev.dece.core.drl.Format;
import dev.dece.core.report.Evidence;
import dev.dece.core.report.Recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one place the proposed strategies are put in order: by estimated saving per unit of effort (low 1, medium 2,
 * high 3), larger first; ties by the higher saving, then by the choice's name. Priority 1 = do now.
 */
final class Priorities {
    private Priorities() {}

    record Proposal(int priority, String ruleId, String strategy, String subject, double lowUsd, double highUsd, String effort,
                    String title) {}

    static int weight(String effort) {
        return switch (effort == null ? "" : effort) {
            case "low" -> 1;
            case "medium" -> 2;
            default -> 3;
        };
    }

    static List<Proposal> rank(List<Recommendation> recs) {
        record P(Recommendation r, double low, double high, String effort, String strategy, String subject) {}
        List<P> ps = new ArrayList<>();
        for (Recommendation r : recs) {
            ps.add(new P(r, num(r, "saving.low_usd"), num(r, "saving.high_usd"), text(r, "saving.effort"), text(r, "saving.strategy"),
                    text(r, "saving.subject")));
        }
        ps.sort(Comparator.comparingDouble((P p) -> -p.low() / weight(p.effort())).thenComparingDouble(p -> -p.low())
                .thenComparing(p -> p.r().choice()));
        List<Proposal> out = new ArrayList<>();
        for (P p : ps) {
            String title = p.r().rationale();
            int colon = title.indexOf(':');
            out.add(new Proposal(out.size() + 1, p.r().ruleId(), p.strategy(), p.subject(), p.low(), p.high(), p.effort(),
                    colon > 0 ? title.substring(0, colon) : title));
        }
        return out;
    }

    static String text(List<Proposal> ps) {
        StringBuilder b = new StringBuilder("priority | saving USD/month | effort | strategy | for | rule\n");
        for (Proposal p : ps) {
            b.append(p.priority()).append(" | ").append(Format.number(p.lowUsd())).append('-').append(Format.number(p.highUsd())).append(" | ")
                    .append(p.effort()).append(" | ").append(p.title()).append(" | ").append(p.subject()).append(" | ").append(p.ruleId()).append('\n');
        }
        if (ps.isEmpty()) b.append("(no strategy of the Cloud Cost Reduction Strategies table is supported by the inputs)\n");
        return b.toString();
    }

    private static String text(Recommendation r, String path) {
        for (Evidence e : r.evidence()) if (e.path().equals(path)) return e.value();
        throw new IllegalStateException(r.ruleId() + " proposes " + r.choice() + " without " + path);
    }

    private static double num(Recommendation r, String path) {
        return Double.parseDouble(text(r, path));
    }
}
