package org.salespipeline.analyst.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedArgsTest {

  private static final List<OptionSpec> OPTIONS = List.of(
      OptionSpec.required("history", "FILE", "the file"),
      OptionSpec.optional("as-of", "DATE", "the instant", ""),
      OptionSpec.flag("grouped", "grouped"));

  @Test
  void parse_spaceAndEqualsForms_giveTheValues() throws UsageException {
    ParsedArgs args = ParsedArgs.parse("metrics", OPTIONS, List.of("--history", "a.csv", "--as-of=2024-03-01", "--grouped"));

    assertThat(args.value("history")).contains("a.csv");
    assertThat(args.instant("as-of")).contains(Instant.parse("2024-03-01T00:00:00Z"));
    assertThat(args.flag("grouped")).isTrue();
  }

  @Test
  void parse_optionalNotGiven_isEmptyOrTheDefault() throws UsageException {
    ParsedArgs args = ParsedArgs.parse("metrics", OPTIONS, List.of("--history", "a.csv"));

    assertThat(args.value("as-of")).isEmpty();
    assertThat(args.instant("as-of")).isEmpty();
    assertThat(args.value("as-of", "x")).isEqualTo("x");
    assertThat(args.flag("grouped")).isFalse();
  }

  @Test
  void parse_equalsFormKeepsAValueStartingWithDashes() throws UsageException {
    assertThat(ParsedArgs.parse("m", OPTIONS, List.of("--history=--odd")).value("history")).contains("--odd");
  }

  @Test
  void instant_badDate_isAUsageErrorNamingTheOption() throws UsageException {
    ParsedArgs args = ParsedArgs.parse("metrics", OPTIONS, List.of("--history", "a", "--as-of", "soon"));

    assertThatThrownBy(() -> args.instant("as-of")).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("bad --as-of: 'soon' is not an ISO-8601 date");
  }

  @Test
  void parse_unknownOption_namesTheKnownOnes() {
    assertThatThrownBy(() -> ParsedArgs.parse("metrics", OPTIONS, List.of("--histroy", "a")))
        .isInstanceOf(UsageException.class)
        .hasMessage("unknown option --histroy for metrics; it takes --history, --as-of, --grouped");
  }

  @Test
  void parse_missingRequired_namesIt() {
    assertThatThrownBy(() -> ParsedArgs.parse("metrics", OPTIONS, List.of("--grouped")))
        .isInstanceOf(UsageException.class)
        .hasMessage("metrics needs --history FILE");
  }
}
