package io.rapport.crm.examples.cli;

import io.rapport.crm.value.NonAnswerPolicy;
import io.rapport.crm.value.Nps;
import io.rapport.crm.value.ScoreInterval;
import io.rapport.crm.value.SurveyAnswer;
import io.rapport.crm.value.SurveyAnswers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Computes the Net Promoter Score of a column of 0-10 answers, with its 95 % interval. */
@Command(name = "nps", mixinStandardHelpOptions = true,
    description = {"Computes the Net Promoter Score of a CSV column of 0-10 answers, with its "
        + "adjusted-Wald 95%% confidence interval. An empty cell is a non-answer.",
        "Exit status: 0 computed, 2 bad input (a score outside 0-10, no answers) or usage."})
final class NpsCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--responses", required = true, paramLabel = "FILE",
      description = "CSV with a header; one response per row.")
  Path responses;

  @Option(names = "--column", defaultValue = "score", paramLabel = "NAME",
      description = "Column of the 0-10 score (the only column is taken if the file has one). "
          + "Default: ${DEFAULT-VALUE}.")
  String column;

  @Option(names = "--non-answers", defaultValue = "exclude", paramLabel = "POLICY",
      description = "exclude (left out of the base) or passive (counted as passives). "
          + "Default: ${DEFAULT-VALUE}.")
  NonAnswers nonAnswers;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
      description = "json or table. Default: ${DEFAULT-VALUE}.")
  Format format;

  /** How empty cells count. */
  enum NonAnswers {
    exclude(NonAnswerPolicy.EXCLUDE),
    passive(NonAnswerPolicy.COUNT_AS_PASSIVE);

    final NonAnswerPolicy policy;

    NonAnswers(NonAnswerPolicy policy) {
      this.policy = policy;
    }
  }

  @Override
  public Integer call() {
    Path file = Inputs.readable(spec, responses, "--responses");
    CsvFile csv = CsvFile.open(file);
    int index = csv.header().length == 1 ? 0 : csv.requireColumn("score", column);
    List<SurveyAnswer> answers = new ArrayList<>();
    csv.rows(row -> {
      String text = row.fields()[index].trim();
      if (text.isEmpty()) {
        answers.add(SurveyAnswer.skipped(io.vavr.control.Option.none(), Instant.EPOCH));
        return;
      }
      int score;
      try {
        score = Integer.parseInt(text);
      } catch (NumberFormatException bad) {
        score = -1;
      }
      if (score < Nps.MIN_SCORE || score > Nps.MAX_SCORE) {
        throw new InputFileException(file, row.line(), row.columns()[index], "'" + text
            + "' is not a score from 0 to 10");
      }
      answers.add(SurveyAnswer.of(score, Instant.EPOCH));
    });
    long scored = answers.stream().filter(a -> !a.isSkipped()).count();
    if (answers.isEmpty() || (scored == 0 && nonAnswers == NonAnswers.exclude)) {
      throw new InputFileException(file, 1, 1, "no scored answers in column '"
          + csv.header()[index] + "'");
    }
    Nps nps = Nps.of(SurveyAnswers.of(answers), nonAnswers.policy);
    ScoreInterval interval = nps.interval(0.95);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("n", nps.base());
      json.put("promoters", nps.promoters());
      json.put("passives", nps.passives() + (nonAnswers == NonAnswers.passive
          ? nps.nonAnswers() : 0));
      json.put("detractors", nps.detractors());
      json.put("nps", nps.score());
      json.put("marginOfError", interval.marginOfError());
      json.put("ci95", List.of(interval.low(), interval.high()));
      out.println(Inputs.json(json));
    } else {
      out.printf(Locale.ROOT, "NPS %s (95%% CI %s to %s, margin of error %s)%n",
          Inputs.fixed(nps.score(), 1), Inputs.fixed(interval.low(), 1),
          Inputs.fixed(interval.high(), 1), Inputs.fixed(interval.marginOfError(), 1));
      out.printf(Locale.ROOT, "%-11s %6s %7s%n", "", "count", "share");
      row(out, "promoters", nps.promoters(), nps.base());
      row(out, "passives", nps.base() - nps.promoters() - nps.detractors(), nps.base());
      row(out, "detractors", nps.detractors(), nps.base());
      out.printf(Locale.ROOT, "%-11s %6d%n", "n", nps.base());
      if (nps.nonAnswers() > 0) {
        out.printf(Locale.ROOT, "non-answers %6d (%s)%n", nps.nonAnswers(),
            nonAnswers == NonAnswers.exclude ? "excluded" : "counted as passives");
      }
    }
    out.flush();
    return 0;
  }

  private static void row(PrintWriter out, String name, int count, int base) {
    out.printf(Locale.ROOT, "%-11s %6d %6.1f%%%n", name, count, 100.0 * count / base);
  }
}
