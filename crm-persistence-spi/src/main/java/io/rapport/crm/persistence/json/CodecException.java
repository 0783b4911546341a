package io.rapport.crm.persistence.json;

import static java.util.Objects.requireNonNull;

import io.rapport.crm.kernel.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * Thrown when JSON cannot be read into a Rapport type: malformed or hostile input, a limit
 * exceeded, an unknown or missing property, a wrong type, an invalid value, an unsupported schema
 * version or an unknown type name. It is the only exception the codec throws for bad input.
 * Carries a stable code, the JSON path of the problem (such as {@code $.lines[2].price.amount}) and,
 * for invalid values, the kernel's violations.
 */
public final class CodecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String path;
  private final transient Seq<Violation> violations;

  CodecException(String code, String path, String message, Seq<Violation> violations,
      Throwable cause) {
    super(path + ": " + message + " [" + code + "]", cause);
    this.code = requireNonNull(code, "code");
    this.path = requireNonNull(path, "path");
    this.violations = violations == null ? List.empty() : violations;
  }

  /**
   * Returns the stable code: {@code json.malformed}, {@code json.limit_exceeded},
   * {@code json.unknown_property}, {@code json.missing_property}, {@code json.wrong_type},
   * {@code json.invalid_value}, {@code json.unsupported_schema_version} or
   * {@code json.unknown_type}.
   */
  public String code() {
    return code;
  }

  /** Returns the JSON path of the problem, {@code $} for the whole document. */
  public String path() {
    return path;
  }

  /** Returns the kernel violations of an invalid value, each field relative to the document. */
  public Seq<Violation> violations() {
    return violations;
  }
}
