package io.rapport.crm.examples.cli;

/** The output formats of the analyst commands. */
enum Format {
  json,
  table
}
