package io.rapport.crm.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Knows the line and column of every property and element of a JSON text, by path as the codec
 * writes it ({@code $.data.entries[2].sale}), so a problem reported at a path can name the place
 * in the file. A malformed text fails at once with the parser's line and column.
 */
final class JsonLocations {

  private final Path file;
  private final Map<String, long[]> places = new HashMap<>();

  private JsonLocations(Path file) {
    this.file = file;
  }

  /** Indexes a JSON text, or fails with the line and column where it is malformed. */
  static JsonLocations of(Path file, String json) {
    JsonLocations locations = new JsonLocations(file);
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        JsonLocation at = parser.currentTokenLocation();
        String path;
        if (token == JsonToken.FIELD_NAME) {
          path = path(parser.getParsingContext().pathAsPointer());
        } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          path = path(parser.getParsingContext().getParent() == null ? JsonPointer.empty()
              : parser.getParsingContext().getParent().pathAsPointer());
        } else {
          path = path(parser.getParsingContext().pathAsPointer());
        }
        locations.places.putIfAbsent(path, new long[] {at.getLineNr(), at.getColumnNr()});
      }
    } catch (JsonProcessingException malformed) {
      JsonLocation at = malformed.getLocation();
      throw new InputFileException(file, at == null ? 1 : at.getLineNr(),
          at == null ? 1 : at.getColumnNr(), "malformed JSON: " + malformed.getOriginalMessage());
    } catch (IOException failure) {
      throw new InputFileException(file, 1, 1, "cannot read: " + failure.getMessage());
    }
    return locations;
  }

  private static String path(JsonPointer pointer) {
    StringBuilder out = new StringBuilder("$");
    JsonPointer rest = pointer;
    while (rest != null && !rest.matches()) {
      if (rest.mayMatchElement()) {
        out.append('[').append(rest.getMatchingIndex()).append(']');
      } else {
        out.append('.').append(rest.getMatchingProperty());
      }
      rest = rest.tail();
    }
    return out.toString();
  }

  /**
   * Returns a problem at a path as an error naming the line and column of the path, or of its
   * nearest enclosing part found in the text.
   */
  InputFileException at(String path, String message) {
    String key = path.startsWith("$") ? path : "$." + path;
    while (true) {
      long[] place = places.get(key);
      if (place != null) {
        return new InputFileException(file, place[0], place[1], message);
      }
      int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
      if (cut <= 0) {
        return new InputFileException(file, 1, 1, message);
      }
      key = key.substring(0, cut);
    }
  }

  /** Tells whether the text has a value at a path. */
  boolean has(String path) {
    return places.containsKey(path);
  }
}
