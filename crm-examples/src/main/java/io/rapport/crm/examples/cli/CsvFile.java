package io.rapport.crm.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads a comma-separated file with a header row, row by row, keeping each field's line and
 * column for error messages. Fields may be quoted with {@code "} (a doubled quote inside is one
 * quote); a quoted field does not span lines. Blank lines are skipped; a UTF-8 byte order mark
 * and CR line ends are accepted.
 */
final class CsvFile {

  /** One data row: its line, its fields and the column where each field starts. */
  record Row(long line, String[] fields, int[] columns) {}

  private final Path file;
  private final String[] header;
  private final long headerLine;

  private CsvFile(Path file, String[] header, long headerLine) {
    this.file = file;
    this.header = header;
    this.headerLine = headerLine;
  }

  /** Reads the header of a file: the first non-blank line. */
  static CsvFile open(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      long line = 0;
      while ((text = reader.readLine()) != null) {
        line++;
        text = clean(text, line);
        if (!text.isBlank()) {
          Row row = split(file, line, text);
          String[] names = new String[row.fields().length];
          for (int i = 0; i < names.length; i++) {
            names[i] = row.fields()[i].trim();
          }
          return new CsvFile(file, names, line);
        }
      }
    } catch (IOException failure) {
      throw new InputFileException(file, 1, 1, "cannot read: " + failure.getMessage());
    }
    throw new InputFileException(file, 1, 1, "the file is empty: a header row is needed");
  }

  Path file() {
    return file;
  }

  String[] header() {
    return header.clone();
  }

  /** Returns the index of the first column named one of {@code names}, ignoring case, or −1. */
  int column(String... names) {
    for (String name : names) {
      for (int i = 0; i < header.length; i++) {
        if (header[i].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Returns the index of a column that must be there, or fails naming the header line. */
  int requireColumn(String what, String... names) {
    int index = column(names);
    if (index < 0) {
      throw new InputFileException(file, headerLine, 1, "no " + what + " column: the header "
          + String.join(",", header) + " names none of " + String.join(", ", names));
    }
    return index;
  }

  /** Calls {@code each} with every data row after the header, checking the number of fields. */
  void rows(Consumer<Row> each) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      long line = 0;
      while ((text = reader.readLine()) != null) {
        line++;
        if (line <= headerLine) {
          continue;
        }
        text = clean(text, line);
        if (text.isBlank()) {
          continue;
        }
        Row row = split(file, line, text);
        if (row.fields().length != header.length) {
          throw new InputFileException(file, line, 1, "expected " + header.length
              + " fields as in the header, found " + row.fields().length);
        }
        each.accept(row);
      }
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private static String clean(String text, long line) {
    String out = line == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
    return out.endsWith("\r") ? out.substring(0, out.length() - 1) : out;
  }

  static Row split(Path file, long line, String text) {
    ArrayList<String> fields = new ArrayList<>();
    ArrayList<Integer> columns = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (true) {
      columns.add(i + 1);
      if (i < n && text.charAt(i) == '"') {
        StringBuilder field = new StringBuilder();
        int j = i + 1;
        while (true) {
          if (j >= n) {
            throw new InputFileException(file, line, i + 1, "a quoted field is not closed");
          }
          char c = text.charAt(j);
          if (c == '"') {
            if (j + 1 < n && text.charAt(j + 1) == '"') {
              field.append('"');
              j += 2;
              continue;
            }
            j++;
            break;
          }
          field.append(c);
          j++;
        }
        if (j < n && text.charAt(j) != ',') {
          throw new InputFileException(file, line, j + 1, "expected a comma after a quoted field");
        }
        fields.add(field.toString());
        i = j;
      } else {
        int comma = text.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        fields.add(text.substring(i, end));
        i = end;
      }
      if (i >= n) {
        break;
      }
      i++;
    }
    int[] starts = new int[columns.size()];
    for (int k = 0; k < starts.length; k++) {
      starts[k] = columns.get(k);
    }
    return new Row(line, fields.toArray(new String[0]), starts);
  }
}
