package org.salespipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.salespipeline.core.Pipeline;
import org.salespipeline.core.Stage;

/**
 * A partial result's fingerprint changes with each thing its documentation says fixes the
 * result's meaning: the pipeline's id and each stage's id, probability and rotting threshold (a
 * stage's kind follows from its place: open stages, then won, then lost),
 * and the query's as-of instant (to the nanosecond), window, grouping, probability function,
 * converter and its target, trend unit and zone, and forecast period. Each variant below differs
 * from the base in that one thing only, so bytes written for one are refused when read with
 * another.
 */
class FingerprintFieldsTest {

  private static Pipeline pipeline(String id, double bProbability, Duration bRotting, String cId) {
    return Pipeline.builder(id, "Simple")
        .openStage(Stage.open("a", "A").withProbability(0.1))
        .openStage(Stage.open("b", "B").withProbability(bProbability).withRottingAfter(bRotting))
        .openStage(Stage.open(cId, "C").withProbability(0.6))
        .wonStage(Stage.won("won", "Won"))
        .lostStage(Stage.lost("lost", "Lost"))
        .build();
  }

  private static String fingerprint(Pipeline pipeline, MetricsQuery query) {
    return HexFormat.of().formatHex(PartialResultFormat.fingerprint(pipeline, query));
  }

  @Test
  void everyFieldThatFixesTheMeaning_changesTheFingerprint() {
    Pipeline base = pipeline("simple", 0.3, Duration.ofDays(30), "c");
    MetricsQuery query = MetricsQuery.asOf(Sample.AS_OF);
    Currency eur = Currency.getInstance("EUR");
    Currency usd = Currency.getInstance("USD");
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("base", fingerprint(base, query));
    variants.put("pipeline id", fingerprint(pipeline("other", 0.3, Duration.ofDays(30), "c"), query));
    variants.put("stage id", fingerprint(pipeline("simple", 0.3, Duration.ofDays(30), "d"), query));
    variants.put("probability", fingerprint(pipeline("simple", 0.35, Duration.ofDays(30), "c"), query));
    variants.put("rotting", fingerprint(pipeline("simple", 0.3, Duration.ofDays(31), "c"), query));
    variants.put("rotting nanos", fingerprint(pipeline("simple", 0.3, Duration.ofDays(30).plusNanos(1), "c"), query));
    variants.put("as-of nanos", fingerprint(base, MetricsQuery.asOf(Sample.AS_OF.plusNanos(1))));
    variants.put("window", fingerprint(base, query.withWindow(Script.day(26), Script.day(45))));
    variants.put("window end", fingerprint(base, query.withWindow(Script.day(26), Script.day(46))));
    variants.put("grouping", fingerprint(base, query.withGrouping(Grouping.owner())));
    variants.put("grouping name", fingerprint(base, query.withGrouping(Grouping.attribute("segment"))));
    variants.put("probability function", fingerprint(base, query.withProbability(deal -> 0.5)));
    variants.put("converter", fingerprint(base, query.withConverter(
        CurrencyConverter.fixedRates(eur, Map.of(usd, new BigDecimal("0.9"))))));
    variants.put("converter target", fingerprint(base, query.withConverter(
        CurrencyConverter.fixedRates(usd, Map.of(eur, new BigDecimal("1.1"))))));
    variants.put("trends", fingerprint(base, query.withTrends(CalendarUnit.MONTH, ZoneId.of("UTC"))));
    variants.put("trend unit", fingerprint(base, query.withTrends(CalendarUnit.QUARTER, ZoneId.of("UTC"))));
    variants.put("trend zone", fingerprint(base, query.withTrends(CalendarUnit.MONTH, ZoneId.of("Europe/Paris"))));
    variants.put("forecast", fingerprint(base, query.withForecast(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1))));
    variants.put("forecast start", fingerprint(base, query.withForecast(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 4, 1))));
    variants.put("forecast end", fingerprint(base, query.withForecast(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 7, 1))));

    assertThat(variants.values()).as("%s", variants).doesNotHaveDuplicates();
    assertThat(variants.get("base")).isEqualTo(fingerprint(pipeline("simple", 0.3, Duration.ofDays(30), "c"),
        MetricsQuery.asOf(Sample.AS_OF)));
  }
}
