package dev.dece.core.arch;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a project that depends on dece-core gets on its runtime class path (written by the build's
 * maven-dependency-plugin build-classpath, runtime scope): no benchmark or test library, and no SLF4J provider, since
 * the library logs through slf4j-api only and the application chooses the provider.
 */
class RuntimeClasspathTest {

    static List<String> jars() throws IOException {
        String cp = Files.readString(Path.of("target/runtime-classpath.txt")).strip();
        return Arrays.stream(cp.split(Pattern.quote(File.pathSeparator))).map(p -> Path.of(p).getFileName().toString()).sorted().toList();
    }

    @Test
    void noBenchmarkOrTestLibraryLeaksIntoTheRuntimeClassPath() throws IOException {
        List<String> jars = jars();
        assertThat(jars).as("the class path file is read").anyMatch(j -> j.startsWith("drools-engine-")).anyMatch(j -> j.startsWith("jsqlparser-"));
        Pattern banned = Pattern.compile("(jmh-|jopt-simple-|commons-math3-|junit-|opentest4j-|assertj-|archunit-|mockito-|hamcrest-|json-schema-validator-|duckdb_jdbc-|postgresql-|h2-).*");
        assertThat(jars.stream().filter(j -> banned.matcher(j).matches())).as("benchmark and test libraries on dece-core's runtime class path").isEmpty();
    }

    @Test
    void theLibraryShipsSlf4jApiButNoProvider() throws IOException {
        List<String> jars = jars();
        assertThat(jars).anyMatch(j -> j.startsWith("slf4j-api-"));
        Pattern providers = Pattern.compile("(slf4j-(nop|simple|jdk14|jdk-platform-logging|log4j12|reload4j)-|logback-classic-|log4j-slf4j2?-impl-).*");
        assertThat(jars.stream().filter(j -> providers.matcher(j).matches())).as("SLF4J providers on dece-core's runtime class path").isEmpty();
    }
}
