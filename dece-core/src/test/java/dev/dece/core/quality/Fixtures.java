package dev.dece.core.quality;

import dev.dece.core.contract.BoundContract;
import dev.dece.core.contract.ContractReader;
import dev.dece.core.doc.DocumentLoader;
import dev.dece.core.input.InputException;
import dev.dece.core.input.Limits;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The test contract and seeds under src/test/resources/quality. */
final class Fixtures {
    private Fixtures() {}

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/quality/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static BoundContract contract(String name) {
        try {
            return ContractReader.read(new DocumentLoader(Limits.DEFAULT).load(resource(name)));
        } catch (InputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
