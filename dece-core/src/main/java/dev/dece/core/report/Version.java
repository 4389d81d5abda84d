package dev.dece.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** DECE's version, from the build (dece-core's pom), for {@code dece --version} and the SARIF tool driver. */
public final class Version {
    private Version() {}

    /** e.g. {@code 0.1.0}. */
    public static final String NUMBER = read();

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) throw new IllegalStateException("dece-core is missing dev/dece/core/report/version.properties (a packaging error)");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
