package org.salespipeline.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The text a CSV parser reads, as a {@link Reader} that can go back: it keeps the text from the
 * start of a marked line on, so that the lines after a malformed record can be read again, and it
 * knows the physical line of any character it kept. A byte order mark at the very start is skipped.
 * At the end of the text it hands out one more character, {@link #END}, on a line of its own, so
 * that a quoted cell left open at the end of the file can be told from one closed there.
 *
 * <p>Design note: the text is kept in one array from the start of the marked line to what was last
 * read from the source; line breaks (CRLF, LF or CR, counted once each) are only counted when text
 * is dropped, when the parser is sent back, or when a line is asked for, so reading costs one copy
 * of each character and one scan of it. Read from bytes, the text is decoded here: a byte that is
 * not text in the encoding becomes U+FFFD and is remembered with its line and byte offset, so that
 * the reader meets it in the record holding it, in file order with the other bad rows, when the
 * encoding is one in which a bad byte cannot hide a delimiter, quote or line break (UTF-8 and the
 * one-byte encodings); in other encodings it stops the reading at once. A CR that is not followed
 * by an LF is handed out as an LF and put back into the cells that hold it (see
 * {@link #restoreLoneCrs}). Not thread-safe.
 */
final class SourceText extends Reader {

  /** The character handed out after the end of the text, on a line of its own. */
  static final char END = '\u0000';

  private static final int READ_SIZE = 16 * 1024;

  /** A byte sequence that is not text in the encoding. */
  record Undecodable(long offset, long byteOffset, String bytes, Charset encoding) {

    /** Says what the bytes are and what to do about it, without the line. */
    String reason() {
      return "byte " + bytes + " (byte offset " + byteOffset + ") is not " + encoding
          + " text; give the file's encoding (--encoding windows-1252, say)";
    }
  }

  private final Reader chars;
  private final InputStream bytes;
  private final CharsetDecoder decoder;
  private final Charset encoding;
  private final boolean perRow;
  private final ByteBuffer byteBuffer;
  private long bytesBefore;
  private boolean bytesDone;

  private char[] text = new char[4 * READ_SIZE];
  /** The offset in the whole text of {@code text[0]}. */
  private long base;
  private int end;
  private int deliver;
  private boolean bom;
  private boolean endAdded;
  private long endOffset = -1;

  /** The scan: the next character to count, the line it is on, where that line starts. */
  private int scan;
  private long scanLine = 1;
  private int scanLineStart;
  private boolean scanAfterCr;
  /** The first line whose text is still needed. */
  private long markLine = 1;

  private final ArrayDeque<Undecodable> undecodable = new ArrayDeque<>();
  /** The offsets of the lone CRs handed out as LF, in the text kept. */
  private final ArrayDeque<Long> loneCrs = new ArrayDeque<>();
  /** Whether the last character read is a CR that the next one may make half of a CRLF. */
  private boolean heldCr;

  private SourceText(Reader chars, InputStream bytes, Charset encoding) {
    this.chars = chars;
    this.bytes = bytes;
    this.encoding = encoding;
    this.perRow = perRowDecodingIsSafe(encoding);
    if (bytes == null) {
      this.decoder = null;
      this.byteBuffer = null;
    } else {
      this.decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      this.byteBuffer = ByteBuffer.allocate(READ_SIZE);
      byteBuffer.flip();
    }
  }

  /** Text read from characters someone else decoded. */
  static SourceText of(Reader in) {
    return new SourceText(Objects.requireNonNull(in, "in"), null, StandardCharsets.UTF_8);
  }

  /**
   * Text decoded here from bytes: undecodable bytes are remembered for the record holding them
   * where the encoding allows it, and stop the reading at once where it does not.
   */
  static SourceText of(InputStream in, Charset encoding) {
    return new SourceText(null, Objects.requireNonNull(in, "in"), Objects.requireNonNull(encoding, "encoding"));
  }

  /**
   * Whether a bad byte in this encoding is replaced without touching the bytes after it that could
   * be a delimiter, a quote or a line break: true for UTF-8 (whose decoder never takes an ASCII
   * byte into a malformed sequence) and for encodings of one byte per character.
   */
  static boolean perRowDecodingIsSafe(Charset encoding) {
    return encoding.equals(StandardCharsets.UTF_8) || encoding.newEncoder().maxBytesPerChar() == 1.0f
        && encoding.newDecoder().maxCharsPerByte() == 1.0f;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    while (deliver >= deliverable()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(length, deliverable() - deliver);
    System.arraycopy(text, deliver, buffer, offset, n);
    deliver += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    if (chars != null) {
      chars.close();
    } else {
      bytes.close();
    }
  }

  /** The end of what may be handed out: not a CR whose next character is not read yet. */
  private int deliverable() {
    return heldCr ? end - 1 : end;
  }

  /** Says that the text before the start of {@code line} will not be asked for again. */
  void mark(long line) {
    markLine = Math.max(markLine, line);
  }

  /**
   * Sends the reading on to the start of {@code line}, at or after the marked line (and so the
   * mark with it): the next character read is that line's first.
   */
  void rewindTo(long line) throws IOException {
    if (line < markLine) {
      throw new IllegalStateException("bug: rewinding to line " + line + " before the marked line " + markLine);
    }
    markLine = line;
    deliver = seek(line) ? scanLineStart : end;
  }

  /**
   * Returns the text of a line at or after the marked line, without its line break, reading on as
   * needed; at most {@code limit} characters of it.
   */
  String line(long line, int limit) throws IOException {
    if (!seek(line) || base + scanLineStart == endOffset) {
      return "";
    }
    int length = 0;
    while (true) {
      int at = scanLineStart + length;
      if (at == end) {
        if (length >= limit || !fillKeeping(scanLineStart)) {
          break;
        }
        continue;
      }
      char c = text[at];
      if (c == '\n' || c == '\r' || length >= limit || base + at == endOffset) {
        break;
      }
      length++;
    }
    return new String(text, scanLineStart, length);
  }

  /** Returns the line of the last character read so far, for messages about the text itself. */
  long lineReached() {
    return lineAt(base + end);
  }

  /** Returns the line {@link #END} stands on, or -1 before it was read. */
  long endLine() {
    return endOffset < 0 ? -1 : lineAt(endOffset);
  }

  /**
   * Returns the first undecodable bytes on the lines {@code from} to {@code to} (at or after the
   * marked line), with their line, forgetting those before {@code from}; or null.
   */
  Located firstUndecodable(long from, long to) {
    while (!undecodable.isEmpty()) {
      Undecodable next = undecodable.peekFirst();
      if (next.offset() - base < scan) {
        undecodable.pollFirst(); // on a line before the mark, already passed
        continue;
      }
      if (next.offset() - base > end) {
        return null;
      }
      long line = lineAt(next.offset());
      if (line < from) {
        undecodable.pollFirst();
        continue;
      }
      return line <= to ? new Located(line, next) : null;
    }
    return null;
  }

  /**
   * Returns the cells of the record starting on {@code line} (at or after the marked line) with
   * each lone CR that was handed out as an LF back in place. Every line break of a record's text
   * but the one that ends it is inside its quoted cells, and cells keep them in order, so the
   * record's k-th LF in its cells is its k-th LF in the text.
   */
  List<String> restoreLoneCrs(long line, List<String> cells) throws IOException {
    if (!seek(line)) {
      throw new IllegalStateException("bug: no text for the record on line " + line);
    }
    int start = scanLineStart;
    while (!loneCrs.isEmpty() && loneCrs.peekFirst() < base + start) {
      loneCrs.pollFirst(); // ended a record or stood in one that is passed
    }
    if (loneCrs.isEmpty()) {
      return cells;
    }
    List<String> restored = new ArrayList<>(cells.size());
    int at = start;
    for (String cell : cells) {
      if (cell.indexOf('\n') < 0) {
        restored.add(cell);
        continue;
      }
      char[] chars = cell.toCharArray();
      for (int i = 0; i < chars.length; i++) {
        if (chars[i] != '\n') {
          continue;
        }
        while (at < end && text[at] != '\n') {
          at++;
        }
        if (at == end) {
          throw new IllegalStateException("bug: the record on line " + line + " has more line breaks than its text");
        }
        if (!loneCrs.isEmpty() && loneCrs.peekFirst() == base + at) {
          loneCrs.pollFirst();
          chars[i] = '\r';
        }
        at++;
      }
      restored.add(new String(chars));
    }
    return Collections.unmodifiableList(restored);
  }

  /** Whether lone CRs were handed out as LF in the text kept. */
  boolean hasLoneCrs() {
    return !loneCrs.isEmpty();
  }

  /** Undecodable bytes with the line they are on. */
  record Located(long line, Undecodable what) { }

  /** Whether undecodable bytes wait to be found in a record. */
  boolean hasUndecodable() {
    return !undecodable.isEmpty();
  }

  /** Returns the line of the character at an offset of the text read, not before the scan. */
  private long lineAt(long offset) {
    long line = scanLine;
    boolean afterCr = scanAfterCr;
    for (int i = scan, target = (int) Math.min(offset - base, end); i < target; i++) {
      char c = text[i];
      if (c == '\r') {
        line++;
        afterCr = true;
      } else {
        if (c == '\n' && !afterCr) {
          line++;
        }
        afterCr = false;
      }
    }
    return line;
  }

  /** Counts one character. */
  private void step() {
    char c = text[scan++];
    if (c == '\r') {
      scanLine++;
      scanLineStart = scan;
      scanAfterCr = true;
    } else {
      if (c == '\n') {
        if (!scanAfterCr) {
          scanLine++;
        }
        scanLineStart = scan;
      }
      scanAfterCr = false;
    }
  }

  /**
   * Counts lines up to the start of {@code line} (not after the marked line), completing a CRLF
   * that the end of what was read splits, so that the line never starts with its LF.
   *
   * @return false if the text ends before that line
   */
  private boolean seek(long line) throws IOException {
    while (true) {
      if (scanLine >= line && !(scanAfterCr && scan == scanLineStart)) {
        return true;
      }
      if (scan == end) {
        if (!fillKeeping(scanLine >= line ? scanLineStart : scan)) {
          return scanLine >= line;
        }
        continue;
      }
      if (scanLine >= line) {
        if (text[scan] == '\n') {
          scan++;
          scanLineStart = scan;
        }
        scanAfterCr = false;
        return true;
      }
      step();
    }
  }

  /** Reads more text into the array, keeping the text from the start of the marked line on. */
  private boolean fill() throws IOException {
    if (text.length - end < READ_SIZE) {
      while (scanLine < markLine && scan < end) {
        step();
      }
    }
    return fillKeeping(scanLine >= markLine ? scanLineStart : scan);
  }

  /** Reads more text into the array, keeping the text from index {@code keep} (and what is not delivered) on. */
  private boolean fillKeeping(int keep) throws IOException {
    if (endAdded) {
      return false;
    }
    if (text.length - end < READ_SIZE) {
      int from = Math.min(keep, deliver);
      if (from > 0) {
        System.arraycopy(text, from, text, 0, end - from);
        base += from;
        while (!loneCrs.isEmpty() && loneCrs.peekFirst() < base) {
          loneCrs.pollFirst();
        }
        end -= from;
        deliver -= from;
        scan -= from;
        scanLineStart -= from;
      }
      if (text.length - end < READ_SIZE) {
        char[] larger = new char[Math.max(text.length * 2, end + READ_SIZE)];
        System.arraycopy(text, 0, larger, 0, end);
        text = larger;
      }
    }
    int n = produce();
    if (n < 0) {
      if (heldCr) {
        handOutAsLf(end - 1);
        heldCr = false;
      }
      addEnd();
      return endOffset >= 0;
    }
    boolean first = base + end == 0;
    int from = end;
    end += n;
    if (first && text[0] == '\uFEFF') {
      bom = true;
      deliver = 1;
      scan = 1;
      scanLineStart = 1;
    }
    if (heldCr && text[from] != '\n') {
      handOutAsLf(from - 1);
    }
    for (int i = from; i < end - 1; i++) {
      if (text[i] == '\r' && text[i + 1] != '\n') {
        handOutAsLf(i);
      }
    }
    heldCr = text[end - 1] == '\r';
    return true;
  }

  /**
   * Hands out a lone CR as an LF (a line break all the same), remembered to be put back into the
   * cells that hold it: FastCSV 4.1.0 takes an LF anywhere after a lone CR in a quoted cell for
   * the second half of a CRLF, miscounting lines and, when the LF ends the record, dropping the
   * cell and running the next line into the record.
   */
  private void handOutAsLf(int index) {
    text[index] = '\n';
    loneCrs.add(base + index);
  }

  /** Appends {@link #END} on a line of its own, unless the text is empty. */
  private void addEnd() {
    endAdded = true;
    if (base + end == (bom ? 1 : 0)) {
      return;
    }
    char last = text[end - 1];
    if (last != '\n' && last != '\r') {
      text[end++] = '\n';
    }
    endOffset = base + end;
    text[end++] = END;
  }

  /** Puts at least one character at {@code text[end]} and returns how many, or -1 at the end. */
  private int produce() throws IOException {
    if (chars != null) {
      int n;
      do {
        n = chars.read(text, end, READ_SIZE - 2);
      } while (n == 0);
      return n;
    }
    CharBuffer out = CharBuffer.wrap(text, end, READ_SIZE - 2);
    while (true) {
      int before = byteBuffer.position();
      CoderResult result = decoder.decode(byteBuffer, out, bytesDone);
      bytesBefore += byteBuffer.position() - before;
      if (result.isError()) {
        if (!out.hasRemaining()) {
          return out.position() - end; // no room for the replacement: the next call meets the bytes again
        }
        undecodable(out, result);
        continue;
      }
      if (out.position() > end) {
        return out.position() - end;
      }
      if (bytesDone) {
        CoderResult flushed = decoder.flush(out);
        if (flushed.isError()) {
          undecodable(out, flushed);
        }
        return out.position() > end ? out.position() - end : -1;
      }
      byteBuffer.compact();
      int n = bytes.read(byteBuffer.array(), byteBuffer.position(), byteBuffer.remaining());
      if (n < 0) {
        bytesDone = true;
      } else {
        byteBuffer.position(byteBuffer.position() + n);
      }
      byteBuffer.flip();
    }
  }

  /**
   * Remembers bad bytes, putting U+FFFD in their place; or, in an encoding where they may hide a
   * delimiter or line break, reports them at once.
   */
  private void undecodable(CharBuffer out, CoderResult result) throws IOException {
    StringBuilder hex = new StringBuilder();
    int at = byteBuffer.position();
    for (int i = 0; i < result.length() && at + i < byteBuffer.limit(); i++) {
      hex.append(i == 0 ? "" : " ").append(String.format("0x%02X", byteBuffer.get(at + i) & 0xFF));
    }
    long offset = base + out.position();
    Undecodable bad = new Undecodable(offset, bytesBefore, hex.toString(), encoding);
    if (!perRow) {
      end = out.position(); // the text before it is counted for the line
      throw new StageHistoryFormatException("line " + lineAt(offset) + ": " + bad.reason());
    }
    undecodable.add(bad);
    byteBuffer.position(at + result.length());
    bytesBefore += result.length();
    out.put('\uFFFD');
  }
}
