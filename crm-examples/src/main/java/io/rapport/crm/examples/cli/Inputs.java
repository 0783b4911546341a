package io.rapport.crm.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks the files a command reads and writes its JSON and number output. */
final class Inputs {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Inputs() {}

  /** Fails as a usage error (exit 2) when a file given to an option cannot be read. */
  static Path readable(CommandSpec spec, Path file, String option) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          option + ": cannot read file '" + file + "'");
    }
    return file;
  }

  /** Writes a value (maps, lists, numbers, strings) as indented JSON. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Formats a statistic with a fixed number of decimals, independent of the locale. */
  static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
