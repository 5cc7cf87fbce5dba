package org.salespipeline.analyst.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.salespipeline.history.importers.ImportException;
import org.salespipeline.history.importers.ImportRejection;
import org.salespipeline.history.importers.ImportRequest;
import org.salespipeline.history.importers.ImportShape;
import org.salespipeline.history.importers.ImportedHistory;

/**
 * A CRM export read through an importer, the same for {@code import --from SHAPE} and for
 * {@code --history-shape SHAPE} on the commands that read a history: the import runs, and what it
 * tells (counts, warnings, rejected records) goes to standard error.
 *
 * <p>Rejected records are printed one line each up to {@link HistoryInput#MAX_REPORTED}, then a
 * count; an export that cannot be imported (strictly, its first bad record) is a
 * {@link UsageException} with one line naming the file, line, record and reason. Stateless.
 */
final class VendorImport {

  private VendorImport() {}

  /** Returns the shape a command line names, or a usage error listing the shapes. */
  static ImportShape shape(String option, String name) throws UsageException {
    return ImportShape.parse(name).getOrElseThrow(() -> new UsageException("bad " + option + ": unknown export shape '"
        + name + "'; the shapes are " + ImportShape.names()));
  }

  /** Imports, reporting the rejected records, the warnings and the counts on {@code err}. */
  static ImportedHistory run(ImportRequest request, PrintStream err) throws UsageException {
    ImportedHistory imported;
    try {
      imported = request.read();
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad import option: " + e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new UsageException("cannot read " + e.getFile() + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot read " + e.getFile() + ": permission denied", e);
    } catch (CharacterCodingException e) {
      throw new UsageException("cannot read " + request.file() + ": it is not "
          + request.options().reading().encoding() + " text (give its encoding with --encoding, such as "
          + "windows-1252)", e);
    } catch (ImportException e) {
      // the library's own hint speaks of "skipping bad rows"; the command line names its option
      throw new UsageException(e.rejection().isDefined()
          ? e.rejection().get() + " (--skip-bad-rows leaves out the deals with bad records and goes on)"
          : e.getMessage(), e);
    } catch (IOException e) {
      throw new UsageException("cannot read " + request.file() + ": " + (Files.isDirectory(request.file())
          ? "it is a directory" : String.valueOf(e.getMessage()).replace('\n', ' ')), e);
    }
    List<ImportRejection> rejections = imported.rejections();
    for (int i = 0; i < Math.min(HistoryInput.MAX_REPORTED, rejections.size()); i++) {
      err.println("rejected " + rejections.get(i));
    }
    if (rejections.size() > HistoryInput.MAX_REPORTED) {
      err.println("rejected " + (rejections.size() - HistoryInput.MAX_REPORTED) + " more records, not listed");
    }
    for (String warning : imported.warnings()) {
      err.println("warning: " + warning);
    }
    err.println(request.file() + " (" + request.shape().cliName() + "): " + imported.summary());
    if (imported.summary().importedDeals() == 0) {
      throw new UsageException(request.file() + ": no deal was imported (" + imported.summary() + ")");
    }
    return imported;
  }
}
