package dev.dece.core.drl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Phase 6 "Identify": is a column personal data, which kind, and which classification level does that imply?
 * Every detection says why.
 *
 * <p>The method, in order:
 * <ol>
 *   <li><b>Tags and classification</b> the document gives ({@code pii}, {@code sensitive}, {@code personal},
 *       {@code gdpr}, {@code pci}, {@code phi}, a level such as {@code restricted}) decide first.</li>
 *   <li><b>The name's tokens</b>: split on separators, camelCase and PascalCase, letters and digits; a token
 *       that is not a known word is split against a dictionary of PII terms and their neighbours
 *       ({@code emailaddress} = email + address, {@code nationalidnumber} = national + id + number). The
 *       tokens are matched against PII phrases, longest first (date + of + birth, card + number, first + name).</li>
 *   <li><b>What the column is about, not what it holds</b>: a phrase followed by a token that makes the column a
 *       reference or a fact about the data ({@code address_seq}, {@code address_id}, {@code email_verified},
 *       {@code phone_type}, {@code password_reset_at}) is not personal data; neither is a name that starts
 *       {@code is_}/{@code has_}, nor a BOOLEAN column. {@code name} alone counts only on a person's table
 *       ({@code customers}, {@code employees}) or after a person word ({@code customer_name}).</li>
 *   <li><b>The description</b>, when the name says nothing: strong phrases ("email address", "date of birth",
 *       "social security", "personal data"), unless negated ("not PII", "no personal data").</li>
 * </ol>
 * Levels (Phase 6 Data Classification): Confidential for names, email, phone, address, date of birth, IP
 * address and login identifiers; Restricted for SSN and national IDs, passports and licences, tax IDs, payment
 * card and bank account numbers, passwords and their hashes or salts, and health data.
 *
 * <p>Thread-safe and pure. Measured on a table of over 200 column names (docs/quality.md).
 */
public final class Pii {
    private Pii() {}

    /**
     * A detection.
     *
     * @param category what kind of personal data, e.g. {@code email}, {@code national id}, {@code password}
     * @param level    the Phase 6 level it implies: CONFIDENTIAL or RESTRICTED
     * @param reason   why, e.g. {@code the name's tokens "email" + "address"} or {@code the tag "pii"}
     */
    public record Match(String category, Classification level, String reason) {}

    private record Phrase(List<String> tokens, String category, Classification level) {}

    private static final Classification C = Classification.CONFIDENTIAL;
    private static final Classification R = Classification.RESTRICTED;

    private static final List<Phrase> PHRASES = new ArrayList<>();

    private static void p(String category, Classification level, String... spellings) {
        for (String s : spellings) PHRASES.add(new Phrase(List.of(s.split(" ")), category, level));
    }

    static {
        p("national id", R, "ssn", "social security", "social security number", "social insurance number", "sin number",
                "national id", "national identifier", "national identification", "national insurance", "nino",
                "passport", "passport number", "driver license", "drivers license", "driver licence", "drivers licence",
                "driving licence", "driving license", "tax id", "tax identifier", "tax number", "taxpayer id");
        p("payment card", R, "card number", "credit card", "debit card", "cvv", "cvc", "cvv2", "pan number");
        p("bank account", R, "iban", "bank account", "account number", "routing number", "sort code", "swift code", "bic code");
        p("password", R, "password", "passwd", "pwd", "passphrase", "password hash", "password salt");
        p("health data", R, "health", "medical", "medical record", "mrn", "diagnosis", "diagnoses", "icd code", "prescription",
                "medication", "treatment", "allergy", "allergies", "condition code", "blood type");
        p("email", C, "email", "email address", "mail address", "e mail");
        p("phone", C, "phone", "telephone", "mobile", "mobile number", "cell phone", "cell number", "fax", "fax number",
                "phone number", "contact number");
        p("person name", C, "first name", "last name", "middle name", "full name", "given name", "family name", "maiden name",
                "nick name", "nickname", "surname", "forename", "legal name", "display name", "firstname", "lastname");
        p("address", C, "address", "street", "street address", "postal code", "post code", "postcode", "zip", "zip code",
                "zipcode", "home address", "mailing address", "billing address", "shipping address", "address line");
        p("date of birth", C, "dob", "date of birth", "birth date", "birthdate", "birth day", "birthday", "birth dt", "birth year");
        p("ip address", C, "ip", "ip address", "ipv 4", "ipv 6", "ip addr", "client ip", "remote ip");
        p("login", C, "login", "login id", "login name", "username", "user name", "logon", "logon name");
        PHRASES.sort((a, b) -> b.tokens().size() - a.tokens().size());
    }

    /** Words of a person's table or a person before {@code name}: customer_name, employees.name. */
    private static final Set<String> PERSON = Set.of("customer", "customers", "user", "users", "employee", "employees", "person",
            "persons", "people", "contact", "contacts", "member", "members", "patient", "patients", "guest", "guests", "buyer",
            "buyers", "recipient", "sender", "student", "students", "holder", "cardholder", "owner", "account_holder", "passenger",
            "passengers", "subscriber", "subscribers", "client", "clients", "applicant", "applicants", "candidate", "candidates",
            "driver", "drivers", "traveler", "travelers", "shopper", "shoppers", "donor", "donors", "tenant_contact", "worker", "staff");

    /** Tokens after a phrase that make the column a reference to the data or a fact about it, not the data. */
    private static final Set<String> NOT_DATA = Set.of("id", "ids", "key", "sk", "seq", "sequence", "count", "cnt", "counts",
            "type", "types", "kind", "flag", "status", "verified", "valid", "validated", "confirmed", "domain", "format", "length",
            "len", "at", "on", "ts", "updated", "created", "changed", "modified", "country", "region", "state", "province", "city",
            "opt", "optin", "optout", "consent", "preference", "preferences", "pref", "source", "provider", "bounced", "sent",
            "opened", "clicked", "reset", "expires", "expiry", "expired", "attempts", "attempt", "policy", "strength", "rule",
            "template", "campaign", "campaigns", "enabled", "disabled", "required", "visible", "public", "private", "prefix",
            "extension", "ext", "code_type", "category", "categories", "version", "range", "pool", "block", "rank", "score",
            "plan", "tier", "insurance_provider", "department", "facility", "unit", "ward", "topic", "group", "groups",
            "list", "lists", "schema", "spec", "standard", "level", "mode", "class", "language", "locale", "channel", "check",
            "checks", "app", "apps", "device", "os", "platform", "browser", "session", "sessions", "screen", "plan_id", "center",
            "centre", "clinic", "team", "benefit", "benefits", "coverage", "premium", "claim", "claims", "segment", "lookup");

    /** Leading words that make the column a boolean about the data. */
    private static final Set<String> BOOLEAN_LEAD = Set.of("is", "has", "can", "should", "was", "needs", "allow", "allows");

    /** Words a glued name may be made of: the PII vocabulary and its usual neighbours. */
    private static final Set<String> DICTIONARY = new java.util.HashSet<>(List.of(
            "email", "mail", "address", "addr", "phone", "number", "num", "no", "nbr", "mobile", "cell", "fax", "telephone",
            "first", "last", "middle", "full", "given", "family", "maiden", "nick", "name", "names", "surname", "fore",
            "forename", "legal", "display", "birth", "date", "day", "dob", "of", "year", "ssn", "social", "security", "insurance",
            "national", "id", "identifier", "identification", "passport", "driver", "drivers", "driving", "license", "licence",
            "tax", "taxpayer", "card", "credit", "debit", "cvv", "cvc", "iban", "bank", "account", "routing", "sort", "swift",
            "bic", "code", "password", "passwd", "pwd", "passphrase", "hash", "hashed", "salt", "login", "logon", "user",
            "username", "ip", "ipv4", "ipv6", "street", "zip", "zipcode", "postal", "post", "postcode", "line", "home",
            "billing", "shipping", "mailing", "medical", "health", "diagnosis", "record", "mrn", "patient", "customer",
            "employee", "person", "contact", "member", "seq", "key", "type", "verified", "flag", "count", "modified", "created",
            "updated", "at", "is", "has", "country", "city", "state", "region", "domain", "primary", "secondary", "alt",
            "alternate", "work", "personal", "business", "client", "remote", "blood", "prescription", "medication", "allergy",
            "treatment", "condition", "icd"));

    private static final Set<String> PII_TAGS = Set.of("pii", "sensitive", "personal", "personal_data", "personal-data", "gdpr",
            "pci", "phi", "spi", "hipaa", "confidential", "restricted", "personally_identifiable", "personally-identifiable");
    private static final Set<String> RESTRICTED_TAGS = Set.of("pci", "phi", "spi", "hipaa", "restricted");

    private static final List<String> NEGATIONS = List.of("not", "no", "non", "never", "without", "anonymized", "anonymised");

    /**
     * Detects personal data in one column.
     *
     * @param column      the column's name as written (any case; snake, camel or glued)
     * @param type        its SQL type as written, or null
     * @param description its description, or null
     * @param tags        its tags, classification and custom properties' values (any of them may be null)
     * @param table       the table's name, or null (for {@code name} on a person's table)
     * @return the detection, or null when the column does not look like personal data
     */
    private static final java.util.regex.Pattern BOOLEAN_TYPE = java.util.regex.Pattern.compile("bool(ean)?");

    public static Match detect(String column, String type, String description, Collection<String> tags, String table) {
        Match byTag = fromTags(tags);
        if (byTag != null) return byTag;
        if (column == null || column.isBlank()) return null;
        if (type != null && BOOLEAN_TYPE.matcher(type.strip().toLowerCase(Locale.ROOT)).matches()) return null;
        Match byName = byName(column, table);
        if (byName != null) return byName;
        return fromDescription(description);
    }

    /** Most names {@link #byName} remembers; the memo is emptied when it is full, so it stays bounded. */
    private static final int MEMO = 20_000;
    private static final java.util.concurrent.ConcurrentHashMap<List<String>, java.util.Optional<Match>> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@link #fromName}, remembered: the reading of a name (word breaks, phrases) is a pure function of the name
     * and the table, and rules ask it of the same columns many times per evaluation.
     */
    private static Match byName(String column, String table) {
        List<String> key = java.util.Arrays.asList(column, table);
        java.util.Optional<Match> m = NAMES.get(key);
        if (m == null) {
            if (NAMES.size() >= MEMO) NAMES.clear();
            m = java.util.Optional.ofNullable(fromName(column, table));
            NAMES.put(key, m);
        }
        return m.orElse(null);
    }

    /** {@link #detect} from the name alone. */
    public static Match detect(String column) {
        return detect(column, null, null, null, null);
    }

    /** True when {@code column} is named like a PII field. */
    public static boolean looksLike(String column) {
        return detect(column) != null;
    }

    // ------------------------------------------------------------------ tags

    private static Match fromTags(Collection<String> tags) {
        if (tags == null) return null;
        String found = null;
        boolean restricted = false;
        for (String t : tags) {
            if (t == null) continue;
            String n = t.strip().toLowerCase(Locale.ROOT);
            if (PII_TAGS.contains(n)) {
                if (found == null) found = t.strip();
                if (RESTRICTED_TAGS.contains(n)) {
                    restricted = true;
                    found = t.strip();
                }
            }
        }
        if (found == null) return null;
        return new Match("tagged personal data", restricted ? R : C, "the tag \"" + found + "\"");
    }

    // ------------------------------------------------------------------ names

    private static Match fromName(String column, String table) {
        List<String> raw = tokens(column);
        List<String> toks = new ArrayList<>();
        boolean glued = false;
        for (String t : raw) {
            List<String> split = DICTIONARY.contains(t) || t.chars().allMatch(Character::isDigit) ? List.of(t) : wordBreak(t);
            if (split.size() > 1) glued = true;
            toks.addAll(split);
        }
        if (toks.isEmpty() || BOOLEAN_LEAD.contains(toks.get(0))) return null;
        for (int i = 0; i < toks.size(); i++) {
            for (Phrase ph : PHRASES) {
                int n = ph.tokens().size();
                if (i + n > toks.size() || !toks.subList(i, i + n).equals(ph.tokens())) continue;
                List<String> after = toks.subList(i + n, toks.size());
                if (after.stream().anyMatch(NOT_DATA::contains)) return null;
                return new Match(ph.category(), ph.level(), why(column, ph.tokens(), glued));
            }
        }
        // "name" alone is personal on a person's table or after a person word
        int at = toks.indexOf("name");
        if (at < 0) at = toks.indexOf("names");
        if (at >= 0 && toks.subList(at + 1, toks.size()).stream().noneMatch(NOT_DATA::contains)) {
            boolean person = at > 0 && PERSON.contains(toks.get(at - 1));
            // a short prefix every column of a benchmark table carries (c_name) leaves "name" alone
            boolean alone = toks.size() == at + 1 && toks.subList(0, at).stream().allMatch(t -> t.length() <= 2);
            if (alone && table != null) {
                for (String t : tokens(table)) if (PERSON.contains(t)) person = true;
            }
            if (person) {
                return new Match("person name", C, "the name's token \"name\" " + (at > 0 ? "after \"" + toks.get(at - 1) + "\"" : "on the person table " + table));
            }
        }
        return null;
    }

    private static String why(String column, List<String> phrase, boolean glued) {
        String tokens = String.join(" + ", phrase.stream().map(t -> "\"" + t + "\"").toList());
        return glued ? "the glued name \"" + column + "\" read as " + tokens : "the name's token" + (phrase.size() > 1 ? "s " : " ") + tokens;
    }

    /** Lower-case tokens: separators, camelCase / PascalCase boundaries, letter-digit boundaries. */
    static List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char[] c = name.strip().toCharArray();
        for (int i = 0; i < c.length; i++) {
            char ch = c[i];
            if (!Character.isLetterOrDigit(ch)) {
                flush(cur, out);
                continue;
            }
            if (cur.length() > 0) {
                char prev = c[i - 1];
                boolean lowerToUpper = Character.isLowerCase(prev) && Character.isUpperCase(ch);
                boolean acronymEnd = Character.isUpperCase(prev) && Character.isUpperCase(ch) && i + 1 < c.length && Character.isLowerCase(c[i + 1]);
                boolean digitEdge = Character.isDigit(prev) != Character.isDigit(ch);
                if (lowerToUpper || acronymEnd || digitEdge) flush(cur, out);
            }
            cur.append(Character.toLowerCase(ch));
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) out.add(cur.toString());
        cur.setLength(0);
    }

    /** The fewest dictionary words that make up {@code token} exactly; the token itself when none do. */
    static List<String> wordBreak(String token) {
        int n = token.length();
        if (n > 64) return List.of(token);
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - 16); start < end; start++) {
                if (best[start] == Integer.MAX_VALUE) continue;
                String w = token.substring(start, end);
                boolean word = DICTIONARY.contains(w) || w.chars().allMatch(Character::isDigit);
                if (word && best[start] + 1 < best[end]) {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) return List.of(token);
        List<String> out = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) out.add(0, token.substring(from[end], end));
        return out;
    }

    // ------------------------------------------------------------------ descriptions

    private static final Map<String, Phrase> DESCRIPTION = new java.util.LinkedHashMap<>();

    static {
        for (String s : List.of("social security", "national id", "passport number", "credit card", "card number", "bank account",
                "password", "medical record", "diagnosis", "health")) {
            DESCRIPTION.put(s, PHRASES.stream().filter(x -> x.tokens().equals(List.of(s.split(" ")))).findFirst()
                    .orElse(new Phrase(List.of(s.split(" ")), s, R)));
        }
        for (String s : List.of("email address", "e mail address", "phone number", "telephone number", "mobile number",
                "date of birth", "home address", "postal address", "street address", "ip address", "first name", "last name",
                "full name", "personal data", "personally identifiable", "pii")) {
            DESCRIPTION.put(s, new Phrase(List.of(s.split(" ")), s.equals("pii") || s.startsWith("personal") ? "personal data" : s, C));
        }
    }

    private static Match fromDescription(String description) {
        if (description == null || description.isBlank()) return null;
        List<String> toks = tokens(description);
        for (int i = 0; i < toks.size(); i++) {
            for (Map.Entry<String, Phrase> e : DESCRIPTION.entrySet()) {
                List<String> ph = e.getValue().tokens();
                if (i + ph.size() > toks.size() || !toks.subList(i, i + ph.size()).equals(ph)) continue;
                boolean negated = false;
                for (int k = Math.max(0, i - 3); k < i; k++) if (NEGATIONS.contains(toks.get(k))) negated = true;
                if (negated) continue;
                return new Match(e.getValue().category(), e.getValue().level(), "the description mentions \"" + e.getKey() + "\"");
            }
        }
        return null;
    }
}
