package org.salespipeline.analyst.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salespipeline.core.Deal;
import org.salespipeline.core.Money;
import org.salespipeline.core.testing.DealGenerator;
import org.salespipeline.metrics.CalendarUnit;
import org.salespipeline.metrics.ForecastQuery;
import org.salespipeline.metrics.ForecastRollup;
import org.salespipeline.metrics.HygieneQuery;
import org.salespipeline.metrics.MovementQuery;
import org.salespipeline.metrics.PipelineHygiene;
import org.salespipeline.metrics.PipelineMovement;
import org.salespipeline.metrics.TrendPeriod;

/**
 * Opens a rendered report in a real browser, Debian's headless Chromium, to check that it lays
 * out and draws: a screenshot that is neither blank nor one colour, and a DOM with the charts and
 * tables. Where {@code /usr/bin/chromium} is missing the tests are skipped, with a message saying
 * how to install it; CI installs it ({@code .ci/run}).
 */
class HtmlReportBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 2000;

  @TempDir
  static Path dir;

  private static Path page;

  @BeforeAll
  static void writeReport() throws IOException {
    page = HtmlReportTest.generated(600).writeTo(dir.resolve("report.html"));
  }

  @Test
  void screenshot_ofTheReport_isAFullPageWithChartsDrawnInColour() throws Exception {
    Path png = dir.resolve("report.png");

    Result result = chromium(page, "--screenshot=" + png, "--window-size=" + WIDTH + "," + HEIGHT);

    assertThat(png).as("screenshot; chromium said:%n%s", result.output()).isRegularFile();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);
    Pixels pixels = Pixels.of(image);
    // text, grid lines, table stripes and bars: a blank or failed page has one or two colours
    assertThat(pixels.distinctColours).isGreaterThan(200);
    // the white page is the background, but far from all of it
    assertThat(pixels.whiteShare).isBetween(0.5, 0.97);
    // the funnel's advanced bars (#0b5fa5) and lost bars (#c2410c) are drawn
    assertThat(pixels.count(0x0b5fa5)).isGreaterThan(2_000);
    assertThat(pixels.count(0xc2410c)).isGreaterThan(500);
  }

  @Test
  void dom_ofTheReport_hasTheChartsAndTablesAndNoScript() throws Exception {
    Result result = chromium(page, "--dump-dom");

    String dom = result.output();
    assertThat(dom).as("DOM").contains("<svg id=\"funnel-chart\"", "<svg id=\"time-chart\"", "<svg id=\"trend-chart\"");
    assertThat(dom).contains("<caption>Funnel per stage</caption>", "<caption>Time in stage, days</caption>",
        "<caption>Win rate per month</caption>", "<caption>Deals to work first</caption>");
    assertThat(dom.split("<rect class=\"advanced\"", -1)).hasSizeGreaterThan(5);
    assertThat(dom).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
  }

  /**
   * Every section, with two currencies, five owners and their quotas, laid out at a laptop's width:
   * no table may run past the page's text column and no headline figure past its card (a copy of the
   * report measures itself with a script, and writes what is too wide into the DOM).
   */
  @Test
  void layout_atALaptopsWidth_everyTableAndHeadlineFigureFitsInsideThePage() throws Exception {
    Instant asOf = HtmlReportTest.AS_OF;
    DealGenerator generator = DealGenerator.standard(7);
    List<Deal> deals = generator.deals(600);
    ForecastQuery forecast = ForecastQuery.of(asOf, CalendarUnit.QUARTER, ZoneOffset.UTC);
    for (String owner : DealGenerator.OWNERS) {
      for (String quarter : List.of("2025-Q3", "2025-Q4", "2026-Q1")) {
        forecast = forecast.withQuota(TrendPeriod.parse(quarter), owner, Money.parse("250000", "USD"))
            .withQuota(TrendPeriod.parse(quarter), owner, Money.parse("90000", "EUR"));
      }
    }
    String report = HtmlReportTest.generated(600)
        .withMovement(PipelineMovement.of(generator.pipeline()).calculate(deals,
            MovementQuery.over(asOf.minus(Duration.ofDays(90)), asOf).withTargetPeriod(TrendPeriod.parse("2026-Q1"))))
        .withForecast(ForecastRollup.of(generator.pipeline()).calculate(deals, forecast))
        .withHygiene(PipelineHygiene.of(generator.pipeline()).calculate(deals, HygieneQuery.asOf(asOf)))
        .render();
    assertThat(report).contains("<section id=\"forecast\"", "Forecast roll-up, 2026-Q1", "<section id=\"hygiene\"");
    // the report's content security policy forbids scripts: the measured copy drops it
    String measuring = report.replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
        .replace("</body>", MEASURE + "</body>");
    Path measured = Files.writeString(dir.resolve("measured.html"), measuring, StandardCharsets.UTF_8);

    Result result = chromium(measured, "--dump-dom", "--window-size=" + WIDTH + "," + HEIGHT);

    assertThat(result.output()).as("DOM").contains("data-measured=\"yes\"").contains("data-too-wide=\"\"");
  }

  /**
   * Lists the captions of the tables whose right edge is past the right edge of the body's content
   * box, and the headline cards whose figures run past their own border.
   */
  private static final String MEASURE = "<script>"
      + "var b = document.body, s = getComputedStyle(b);"
      + "var edge = b.getBoundingClientRect().right - parseFloat(s.paddingRight) + 0.5;"
      + "var wide = [];"
      + "document.querySelectorAll('table').forEach(function (t) {"
      + "  if (t.getBoundingClientRect().right > edge) { wide.push(t.caption ? t.caption.textContent : '?'); } });"
      + "document.querySelectorAll('.figures > div').forEach(function (c) {"
      + "  if (c.scrollWidth > c.clientWidth) { wide.push('card ' + c.querySelector('dt').textContent); } });"
      + "b.setAttribute('data-too-wide', wide.join(' | ')); b.setAttribute('data-measured', 'yes');"
      + "</script>";

  private record Result(int exitCode, String output) {}

  /** Runs Chromium on the page with a profile of its own and everything that calls home turned off. */
  private static Result chromium(Path page, String... options) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(CHROMIUM), "skipped: " + CHROMIUM + " is missing; install it with"
        + " 'apt-get install -y chromium' (Debian) to check the report in a real browser");
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
    command.addAll(List.of(options));
    command.add(page.toUri().toString());
    Path output = dir.resolve("chromium-" + System.nanoTime() + ".txt");
    Path errors = dir.resolve("chromium-" + System.nanoTime() + ".err");
    Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile())
        .start();
    // a guard against a hung browser, not a timing assertion
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s: " + command);
    }
    String out = Files.readString(output, StandardCharsets.UTF_8);
    String err = Files.readString(errors, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("chromium exit code; stderr:%n%s", err).isZero();
    return new Result(process.exitValue(), out + err);
  }

  /** The colours of a screenshot. */
  private static final class Pixels {
    final int distinctColours;
    final double whiteShare;
    private final int[] rgb;

    private Pixels(int[] rgb, int distinctColours, double whiteShare) {
      this.rgb = rgb;
      this.distinctColours = distinctColours;
      this.whiteShare = whiteShare;
    }

    static Pixels of(BufferedImage image) {
      int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      Set<Integer> colours = new HashSet<>();
      long white = 0;
      for (int i = 0; i < rgb.length; i++) {
        rgb[i] &= 0xffffff;
        colours.add(rgb[i]);
        white += rgb[i] == 0xffffff ? 1 : 0;
      }
      return new Pixels(rgb, colours.size(), (double) white / rgb.length);
    }

    long count(int colour) {
      long n = 0;
      for (int c : rgb) {
        n += c == colour ? 1 : 0;
      }
      return n;
    }
  }
}
