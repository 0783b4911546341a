package io.rapport.crm.examples.cli;

import java.nio.file.Path;

/**
 * Reports a problem in an input file at a line and column (both from 1), printed as
 * {@code FILE:LINE:COLUMN: message} with exit status 2, never as a stack trace.
 */
final class InputFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InputFileException(Path file, long line, long column, String message) {
    super(file + ":" + line + ":" + column + ": " + message, null, false, false);
  }

  /** Joins several problems, each already naming its place, one per line. */
  InputFileException(Iterable<InputFileException> problems) {
    super(String.join(System.lineSeparator(), messages(problems)), null, false, false);
  }

  private static java.util.List<String> messages(Iterable<InputFileException> problems) {
    java.util.List<String> out = new java.util.ArrayList<>();
    problems.forEach(problem -> out.add(problem.getMessage()));
    return out;
  }
}
