package org.salespipeline.analyst.cli;

import io.vavr.control.Either;
import java.time.Instant;
import org.salespipeline.history.BadTimestamp;
import org.salespipeline.history.Timestamps;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --as-of}, {@code --from} and {@code --to}: an ISO-8601 date or date-time ({@link Timestamps#parse}). */
final class Instants implements ITypeConverter<Instant> {

  @Override
  public Instant convert(String text) {
    Either<BadTimestamp, Instant> parsed = Timestamps.parse(text);
    if (parsed.isLeft()) {
      throw new TypeConversionException(parsed.getLeft().message());
    }
    return parsed.get();
  }
}
