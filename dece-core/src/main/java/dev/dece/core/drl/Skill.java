package dev.dece.core.drl;

import java.util.List;

/** constraints.skill_level: the data team's experience. */
public enum Skill implements Spelled {
    JUNIOR("junior"),
    MID("mid", "intermediate"),
    SENIOR("senior"),
    MIXED("mixed");

    private final List<String> spellings;

    Skill(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
