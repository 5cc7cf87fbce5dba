package org.salespipeline.scoring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that keeps what it is given, every level enabled, so tests can read the log. */
final class CapturingLogger extends LegacyAbstractLogger {

  private static final long serialVersionUID = 1L;

  /** One logged line: its level, the formatted message and the exception given, if any. */
  record Line(Level level, String message, @Nullable Throwable thrown) {}

  private final transient List<Line> lines = new CopyOnWriteArrayList<>();

  CapturingLogger() {
    this.name = "capturing";
  }

  /** What was logged, in order. */
  List<Line> lines() {
    return List.copyOf(lines);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return CapturingLogger.class.getName();
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, @Nullable Marker marker, String messagePattern,
      Object @Nullable [] arguments, @Nullable Throwable throwable) {
    lines.add(new Line(level, MessageFormatter.basicArrayFormat(messagePattern, arguments), throwable));
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
