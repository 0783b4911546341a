package io.rapport.crm.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine;

/** Runs the CLI in-process and keeps what it wrote to standard output and error. */
final class CliRun {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int rapport(String... args) {
    CommandLine cli = RapportCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  JsonNode json() {
    try {
      return new ObjectMapper().readTree(out.toString());
    } catch (java.io.IOException notJson) {
      throw new AssertionError("not JSON: " + out, notJson);
    }
  }

  static String resource(String name) {
    try {
      return Paths.get(CliRun.class.getResource("/cli/" + name).toURI()).toString();
    } catch (URISyntaxException | NullPointerException missing) {
      throw new AssertionError("no test resource " + name, missing);
    }
  }

  static Path write(Path dir, String name, String text) {
    try {
      return java.nio.file.Files.writeString(dir.resolve(name), text);
    } catch (java.io.IOException failure) {
      throw new AssertionError(failure);
    }
  }
}
