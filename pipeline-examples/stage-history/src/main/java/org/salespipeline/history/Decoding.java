package org.salespipeline.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where a file stops being text in its encoding, to name the line: read again only after a
 * decoding error, in chunks, counting line breaks. Stateless.
 */
final class Decoding {

  private Decoding() {}

  /** Returns one line naming the line and byte of the first undecodable bytes of the file. */
  static String describe(Path file, Charset encoding) throws IOException {
    CharsetDecoder decoder = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    CharBuffer chars = CharBuffer.allocate(64 * 1024);
    long line = 1;
    long offset = 0;
    boolean cr = false;
    try (InputStream in = Files.newInputStream(file)) {
      while (true) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n > 0) {
          bytes.position(bytes.position() + n);
        }
        bytes.flip();
        CoderResult result = decoder.decode(bytes, chars, n < 0);
        chars.flip();
        while (chars.hasRemaining()) {
          char c = chars.get();
          if (c == '\n') {
            if (!cr) {
              line++;
            }
            cr = false;
          } else if (c == '\r') {
            line++;
            cr = true;
          } else {
            cr = false;
          }
        }
        chars.clear();
        if (result.isError()) {
          int at = bytes.position();
          StringBuilder hex = new StringBuilder();
          for (int i = 0; i < result.length() && at + i < bytes.limit(); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(at + i) & 0xFF));
          }
          return "line " + line + ": byte " + hex + " (byte offset " + (offset + at) + ") is not " + encoding
              + " text; give the file's encoding (--encoding windows-1252, say)";
        }
        offset += bytes.position();
        bytes.compact();
        if (n < 0 && result.isUnderflow()) {
          return "a byte is not " + encoding + " text; give the file's encoding (--encoding windows-1252, say)";
        }
      }
    }
  }
}
