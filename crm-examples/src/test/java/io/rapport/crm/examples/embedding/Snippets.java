package io.rapport.crm.examples.embedding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the code the docs quote: the lines between {@code // tag::NAME[]} and
 * {@code // end::NAME[]} in a test source, and the fenced block after
 * {@code <!-- snippet: NAME -->} in a Markdown page, both without their common indentation.
 */
final class Snippets {

  private Snippets() {}

  /** Returns a file of the repository, found from the module's directory or the root. */
  static Path inRepository(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    for (Path at = dir; at != null; at = at.getParent()) {
      Path candidate = at.resolve(relative);
      if (Files.exists(candidate) && Files.exists(at.resolve("mvnw"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("No " + relative + " above " + dir);
  }

  /** Returns the test source of a class of this package. */
  static Path testSource(Class<?> type) {
    return inRepository("crm-examples/src/test/java/" + type.getName().replace('.', '/') + ".java");
  }

  /** Returns the lines between the tag's start and end comments, dedented. */
  static List<String> tagged(Path source, String tag) {
    List<String> lines = read(source);
    int start = indexOf(lines, "// tag::" + tag + "[]", 0, source);
    int end = indexOf(lines, "// end::" + tag + "[]", start + 1, source);
    return dedent(lines.subList(start + 1, end));
  }

  /** Returns the lines of the fenced code block that follows the snippet's marker, dedented. */
  static List<String> quoted(Path markdown, String tag) {
    List<String> lines = read(markdown);
    int marker = indexOf(lines, "<!-- snippet: " + tag + " -->", 0, markdown);
    int open = marker + 1;
    if (open >= lines.size() || !lines.get(open).trim().startsWith("```")) {
      throw new IllegalStateException("No code block after the marker of " + tag + " in "
          + markdown);
    }
    int close = indexOf(lines, "```", open + 1, markdown);
    return dedent(lines.subList(open + 1, close));
  }

  /** Returns the names of every snippet marker in a Markdown page, in order. */
  static List<String> markers(Path markdown) {
    List<String> names = new ArrayList<>();
    for (String line : read(markdown)) {
      String t = line.trim();
      if (t.startsWith("<!-- snippet: ") && t.endsWith(" -->")) {
        names.add(t.substring("<!-- snippet: ".length(), t.length() - " -->".length()));
      }
    }
    return names;
  }

  static List<String> dedent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.add(line.isBlank() ? "" : line.substring(indent).stripTrailing());
    }
    return out;
  }

  private static int indexOf(List<String> lines, String trimmed, int from, Path file) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).trim().equals(trimmed)) {
        return i;
      }
    }
    throw new IllegalStateException("No line '" + trimmed + "' in " + file);
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
