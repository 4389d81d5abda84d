package dev.dece.core.drl;

import java.util.List;

/** pipeline.extract.cdc (DECE extension): the change events' serialization. */
public enum CdcSerialization implements Spelled {
    AVRO("avro"),
    PROTOBUF("protobuf"),
    JSON("json");

    private final List<String> spellings;

    CdcSerialization(String... spellings) {
        this.spellings = List.of(spellings);
    }

    @Override
    public List<String> spellings() {
        return spellings;
    }
}
