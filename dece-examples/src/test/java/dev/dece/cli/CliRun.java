package dev.dece.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One run of the {@code dece} command line in-process, as the CLI tests see it: exit code, stdout, stderr. */
record CliRun(int code, String out, String err) {

    /** Runs {@code dece ARGS...} with captured streams. */
    static CliRun dece(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString().replace("\r\n", "\n"));
    }

    /** Standard error split into lines; empty when nothing was printed. */
    List<String> errLines() {
        return err.isEmpty() ? List.of() : List.of(err.split("\n"));
    }
}
