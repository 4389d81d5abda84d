package dev.dece.core.drl;

import java.util.List;

/**
 * A slowly changing dimension type, as the SCD Type Decision Guide names them. Attributes take 1, 2 or 3
 * (the template's {@code scd_type}); a dimension's {@code type} may also be 4 (mini-dimension) or 6 (hybrid).
 */
public enum ScdType implements Spelled {
    TYPE_1(1, "Type 1 (overwrite)", "1", "Type 1", "type1", "overwrite"),
    TYPE_2(2, "Type 2 (history)", "2", "Type 2", "type2", "history"),
    TYPE_3(3, "Type 3 (previous value)", "3", "Type 3", "type3", "previous value"),
    TYPE_4(4, "Type 4 (mini-dimension)", "4", "Type 4", "type4", "mini-dimension"),
    TYPE_6(6, "Type 6 (hybrid)", "6", "Type 6", "type6", "hybrid");

    private final int number;
    private final List<String> spellings;

    ScdType(int number, String... s) {
        this.number = number;
        this.spellings = List.of(s);
    }

    /** 1, 2, 3, 4 or 6. */
    public int number() {
        return number;
    }

    /** True for the types that keep history rows with valid_from/valid_to/is_current (2 and 6). */
    public boolean keepsHistory() {
        return this == TYPE_2 || this == TYPE_6;
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
