package org.salespipeline.analyst.report;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.salespipeline.metrics.Figure;
import org.salespipeline.metrics.FunnelStage;
import org.salespipeline.metrics.Movement;
import org.salespipeline.metrics.MetricsReport;
import org.salespipeline.metrics.Rate;
import org.salespipeline.metrics.StageTime;
import org.salespipeline.metrics.TrendPeriod;

/**
 * The report's pictures as inline SVG: the funnel, the time in stage, the win-rate trend and the
 * pipeline movement's waterfall.
 *
 * <p>Each chart is an {@code <svg role="img">} named by its {@code <title>} and described by its
 * {@code <desc>}, with a {@code <title>} on every mark (a tooltip in browsers); the numbers are
 * also in the table next to it. Colours come from the style sheet's classes and keep at least
 * 3:1 contrast with the white background. Every scale has a floor, so an empty report draws empty
 * axes instead of dividing by zero.
 */
final class Charts {

  private static final int WIDTH = 800;
  private static final int LABEL_WIDTH = 130;
  private static final int BAR_WIDTH = 420;
  private static final int ROW_HEIGHT = 34;
  private static final int LEGEND_HEIGHT = 34;

  private Charts() {}

  static void funnel(Html html, List<FunnelStage> funnel) {
    long max = 1;
    for (FunnelStage f : funnel) {
      max = Math.max(max, f.reached());
    }
    int height = LEGEND_HEIGHT + funnel.size() * ROW_HEIGHT + 8;
    open(html, "funnel-chart", height, "Funnel: deals that reached each stage",
        "For each open stage, a bar as long as the number of deals that reached it, split into the deals that"
            + " advanced beyond it, were lost in it and are still open in it; the conversion is on the right.");
    legend(html, new String[] {"advanced", "lost", "open"}, new String[] {"advanced", "lost", "open"});
    for (int i = 0; i < funnel.size(); i++) {
      FunnelStage f = funnel.get(i);
      int y = LEGEND_HEIGHT + i * ROW_HEIGHT;
      rowLabel(html, f.stageName(), y);
      double x = LABEL_WIDTH;
      String summary = f.stageName() + ": " + Figures.count(f.reached()) + " reached, " + Figures.count(f.advanced())
          + " advanced, " + Figures.count(f.lost()) + " lost, " + Figures.count(f.open()) + " open; conversion "
          + Figures.rate(f.conversion());
      long[] counts = {f.advanced(), f.lost(), f.open()};
      String[] kinds = {"advanced", "lost", "open"};
      for (int k = 0; k < counts.length; k++) {
        double w = (double) counts[k] / max * BAR_WIDTH;
        if (w > 0) {
          html.open("rect", "class", kinds[k], "x", n(x), "y", n(y + 6), "width", n(w), "height", n(ROW_HEIGHT - 12))
              .element("title", summary).close("rect");
          x += w;
        }
      }
      html.element("text", Figures.count(f.reached()) + " reached, " + Figures.rate(f.conversion()) + " convert",
          "x", n(x + 8), "y", n(y + ROW_HEIGHT / 2.0 + 4), "class", "value");
      html.newline();
    }
    html.close("svg").newline();
  }

  static void timeInStage(Html html, List<StageTime> stages) {
    double max = 1;
    for (StageTime t : stages) {
      max = Math.max(max, t.completed().p90Days().getOrElse(0.0));
      max = Math.max(max, t.current().medianDays().getOrElse(0.0));
    }
    double step = niceStep(max / 5);
    double scaleMax = Math.ceil(max / step) * step;
    int height = LEGEND_HEIGHT + stages.size() * ROW_HEIGHT + 30;
    open(html, "time-chart", height, "Time in stage, in days",
        "For each open stage, the median (dark bar) and 90th percentile (light bar) of completed stays, and the"
            + " median age of the deals open in it now (dot).");
    legend(html, new String[] {"p90", "median", "age"},
        new String[] {"p90 of completed stays", "median of completed stays", "median age of open deals"});
    int bottom = LEGEND_HEIGHT + stages.size() * ROW_HEIGHT;
    for (double tick = 0; tick <= scaleMax + 1e-9; tick += step) {
      double x = LABEL_WIDTH + tick / scaleMax * BAR_WIDTH;
      html.empty("line", "class", "grid", "x1", n(x), "x2", n(x), "y1", n(LEGEND_HEIGHT), "y2", n(bottom));
      html.element("text", Figures.days(tick).replace(".0", ""), "x", n(x), "y", n(bottom + 16), "class", "tick",
          "text-anchor", "middle");
    }
    html.element("text", "days", "x", n(LABEL_WIDTH + BAR_WIDTH + 12), "y", n(bottom + 16), "class", "tick");
    for (int i = 0; i < stages.size(); i++) {
      StageTime t = stages.get(i);
      int y = LEGEND_HEIGHT + i * ROW_HEIGHT;
      rowLabel(html, t.stageName(), y);
      String summary = t.stageName() + ": " + Figures.count(t.completed().count()) + " completed stays, median "
          + Figures.days(t.completed().medianDays()) + " days, p90 " + Figures.days(t.completed().p90Days())
          + " days; " + Figures.count(t.current().count()) + " open deals, median age "
          + Figures.days(t.current().medianDays()) + " days";
      final double scale = scaleMax;
      for (double p90 : t.completed().p90Days()) {
        bar(html, "p90", y + 6, p90 / scale * BAR_WIDTH, ROW_HEIGHT - 12, summary);
      }
      for (double median : t.completed().medianDays()) {
        bar(html, "median", y + 11, median / scale * BAR_WIDTH, ROW_HEIGHT - 22, summary);
      }
      for (double age : t.current().medianDays()) {
        html.open("circle", "class", "age", "cx", n(LABEL_WIDTH + age / scale * BAR_WIDTH), "cy",
            n(y + ROW_HEIGHT / 2.0), "r", "6").element("title", summary).close("circle");
      }
      if (t.completed().count() == 0 && t.current().count() == 0) {
        html.element("text", "no stays", "x", n(LABEL_WIDTH + 6), "y", n(y + ROW_HEIGHT / 2.0 + 4), "class", "value");
      }
      html.newline();
    }
    html.close("svg").newline();
  }

  static void winRateTrend(Html html, Map<TrendPeriod, MetricsReport> trends, Option<Rate> overall) {
    int left = 56;
    int right = 24;
    int top = LEGEND_HEIGHT + 6;
    int plotHeight = 200;
    int bottom = top + plotHeight;
    int height = bottom + 44;
    int plotWidth = WIDTH - left - right;
    open(html, "trend-chart", height, "Win rate per period",
        "For each period, the win rate of the deals closed in it (dot) with its 95% interval (whiskers);"
            + " the dashed line is the win rate over the whole window.");
    legend(html, new String[] {"won-line", "overall"}, new String[] {"win rate and 95% interval", "whole window"});
    for (int pct = 0; pct <= 100; pct += 25) {
      double y = bottom - pct / 100.0 * plotHeight;
      html.empty("line", "class", "grid", "x1", n(left), "x2", n(WIDTH - right), "y1", n(y), "y2", n(y));
      html.element("text", pct + "%", "x", n(left - 8), "y", n(y + 4), "class", "tick", "text-anchor", "end");
    }
    for (Rate r : overall) {
      double y = bottom - r.value() * plotHeight;
      html.open("line", "class", "overall", "x1", n(left), "x2", n(WIDTH - right), "y1", n(y), "y2", n(y))
          .element("title", "whole window: " + Figures.percent(r.value())).close("line");
    }
    List<TrendPeriod> periods = new ArrayList<>(trends.keySet());
    int count = Math.max(1, periods.size());
    double slot = (double) plotWidth / count;
    int labelEvery = (int) Math.ceil(periods.size() / 12.0);
    StringBuilder path = new StringBuilder();
    boolean drawing = false;
    for (int i = 0; i < periods.size(); i++) {
      TrendPeriod period = periods.get(i);
      Option<Rate> rate = trends.get(period).winRate();
      double x = left + (i + 0.5) * slot;
      if (i % Math.max(1, labelEvery) == 0) {
        html.element("text", period.label(), "x", n(x), "y", n(bottom + 18), "class", "tick", "text-anchor", "middle");
      }
      if (rate.isEmpty()) {
        drawing = false;
        continue;
      }
      double y = bottom - rate.get().value() * plotHeight;
      path.append(drawing ? " L" : (path.length() == 0 ? "M" : " M")).append(n(x)).append(' ').append(n(y));
      drawing = true;
    }
    if (path.length() > 0) {
      html.empty("path", "class", "won-line", "d", path.toString());
    }
    for (int i = 0; i < periods.size(); i++) {
      TrendPeriod period = periods.get(i);
      MetricsReport part = trends.get(period);
      for (Rate r : part.winRate()) {
        double x = left + (i + 0.5) * slot;
        String summary = period.label() + ": win rate " + Figures.percent(r.value()) + " (95% interval "
            + Figures.interval(part.winRate()) + ") over " + Figures.count(r.trials()) + " closed deals";
        html.open("g").element("title", summary);
        double yLow = bottom - r.lower() * plotHeight;
        double yHigh = bottom - r.upper() * plotHeight;
        html.empty("line", "class", "whisker", "x1", n(x), "x2", n(x), "y1", n(yLow), "y2", n(yHigh));
        html.empty("line", "class", "whisker", "x1", n(x - 5), "x2", n(x + 5), "y1", n(yLow), "y2", n(yLow));
        html.empty("line", "class", "whisker", "x1", n(x - 5), "x2", n(x + 5), "y1", n(yHigh), "y2", n(yHigh));
        html.empty("circle", "class", "won-dot", "cx", n(x), "cy", n(bottom - r.value() * plotHeight), "r", "5");
        html.close("g").newline();
      }
    }
    if (periods.isEmpty()) {
      html.element("text", "no periods", "x", n(left + 8), "y", n(top + plotHeight / 2.0), "class", "value");
    }
    html.close("svg").newline();
  }

  /**
   * The movement of one currency's pipeline amount as a horizontal waterfall: the start as a
   * total bar, each increase (created, moved in, reopened, increased) as a step right, each
   * decrease (won, lost, moved out, decreased) as a step left, the end as a total bar. Increases
   * come first, so the running amount never goes below the end (or zero). Drawn from the exact
   * sums; the labels are the rounded amounts.
   */
  static void waterfall(Html html, String id, Movement m, Currency currency) {
    String code = currency.getCurrencyCode();
    String[] names = {"Start", "+ Created", "+ Moved in", "+ Reopened", "+ Increased", "− Won", "− Lost",
        "− Moved out", "− Decreased", "End"};
    Figure[] figures = {m.start(), m.created(), m.movedIn(), m.reopened(), m.increased(), m.won(), m.lost(),
        m.movedOut(), m.decreased(), m.end()};
    int[] signs = {0, 1, 1, 1, 1, -1, -1, -1, -1, 0};
    double[] from = new double[names.length];
    double[] to = new double[names.length];
    double running = 0;
    double max = 1;
    for (int i = 0; i < names.length; i++) {
      double amount = figures[i].amount(currency).amount().doubleValue();
      if (signs[i] == 0) {
        from[i] = 0;
        to[i] = amount;
        running = amount;
      } else {
        from[i] = running;
        running += signs[i] * amount;
        to[i] = running;
      }
      max = Math.max(max, Math.max(from[i], to[i]));
    }
    double step = niceStep(max / 5);
    double scaleMax = Math.ceil(max / step) * step;
    int height = LEGEND_HEIGHT + names.length * ROW_HEIGHT + 30;
    open(html, id, height, "Pipeline movement in " + code,
        "A waterfall of the open pipeline's amount in " + code + ": the amount at the start, each change that"
            + " added to it (created, moved in, reopened, increased) and took from it (won, lost, moved out,"
            + " decreased), and the amount at the end; the counts are in the table.");
    legend(html, new String[] {"wf-total", "wf-up", "wf-down"}, new String[] {"pipeline", "added", "taken away"});
    int bottom = LEGEND_HEIGHT + names.length * ROW_HEIGHT;
    for (double tick = 0; tick <= scaleMax + 1e-9; tick += step) {
      double x = LABEL_WIDTH + tick / scaleMax * BAR_WIDTH;
      html.empty("line", "class", "grid", "x1", n(x), "x2", n(x), "y1", n(LEGEND_HEIGHT), "y2", n(bottom));
      html.element("text", String.format(Locale.ROOT, "%,.0f", tick), "x", n(x), "y", n(bottom + 16), "class", "tick",
          "text-anchor", "middle");
    }
    html.element("text", code, "x", n(LABEL_WIDTH + BAR_WIDTH + 34), "y", n(bottom + 16), "class", "tick");
    for (int i = 0; i < names.length; i++) {
      int y = LEGEND_HEIGHT + i * ROW_HEIGHT;
      rowLabel(html, names[i], y);
      double left = Math.min(from[i], to[i]) / scaleMax * BAR_WIDTH;
      double width = Math.abs(to[i] - from[i]) / scaleMax * BAR_WIDTH;
      String kind = signs[i] == 0 ? "wf-total" : signs[i] > 0 ? "wf-up" : "wf-down";
      String shown = Figures.money(figures[i].amount(currency));
      String summary = names[i] + ": " + Figures.count(figures[i].count()) + " (" + shown + ")";
      html.open("rect", "class", kind, "x", n(LABEL_WIDTH + left), "y", n(y + 6), "width", n(Math.max(width, 1)),
          "height", n(ROW_HEIGHT - 12)).element("title", summary).close("rect");
      html.element("text", shown + " · " + Figures.count(figures[i].count()), "x",
          n(LABEL_WIDTH + Math.max(left + width, 0) + 8), "y", n(y + ROW_HEIGHT / 2.0 + 4), "class", "value");
      html.newline();
    }
    html.close("svg").newline();
  }

  private static void open(Html html, String id, int height, String title, String description) {
    html.open("svg", "id", id, "class", "chart", "viewBox", "0 0 " + WIDTH + " " + height, "role", "img",
        "aria-labelledby", id + "-title " + id + "-desc", "preserveAspectRatio", "xMinYMin meet")
        .element("title", title, "id", id + "-title")
        .element("desc", description, "id", id + "-desc")
        .newline();
  }

  private static void legend(Html html, String[] classes, String[] labels) {
    double x = LABEL_WIDTH;
    for (int i = 0; i < classes.length; i++) {
      html.empty("rect", "class", classes[i] + " key", "x", n(x), "y", "8", "width", "14", "height", "14");
      html.element("text", labels[i], "x", n(x + 20), "y", "20", "class", "legend");
      x += 34 + labels[i].length() * 7.2;
    }
    html.newline();
  }

  private static void rowLabel(Html html, String name, int y) {
    html.element("text", name, "x", n(LABEL_WIDTH - 10), "y", n(y + ROW_HEIGHT / 2.0 + 4), "class", "label",
        "text-anchor", "end");
  }

  private static void bar(Html html, String kind, double y, double width, double height, String summary) {
    html.open("rect", "class", kind, "x", n(LABEL_WIDTH), "y", n(y), "width", n(Math.max(width, 1)), "height",
        n(height)).element("title", summary).close("rect");
  }

  /** A step of 1, 2 or 5 times a power of ten, at least the given rough step. */
  static double niceStep(double rough) {
    if (!(rough > 0)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / power;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return Math.max(nice * power, 0.5);
  }

  private static String n(double value) {
    String s = String.format(Locale.ROOT, "%.1f", value);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
