package dev.dece.core.model;

import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.input.Limits;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Dimensional Model Template reader: located problems. */
class ModelBinderTest {

    static final DocumentLoader LOADER = new DocumentLoader(Limits.DEFAULT);

    @Test
    void attributeScdTypeIsOneTwoOrThree() {
        String yaml = "fact_table:\n  name: fct_x\ndimensions:\n  - name: dim_y\n    attributes:\n      - name: a\n        scd_type: 6\n";
        assertThatThrownBy(() -> ModelBinder.bind(LOADER.load("m.yaml", yaml.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("m.yaml:7:19: dimensions[0].attributes[0].scd_type: \"6\" is a dimension-level type; an attribute's scd_type is 1, 2 or 3");
    }
}
