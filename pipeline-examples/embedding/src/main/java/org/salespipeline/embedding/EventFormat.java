package org.salespipeline.embedding;

import java.util.Currency;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vavr.control.Option;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.salespipeline.core.DealEvent;
import org.salespipeline.core.ForecastCategory;
import org.salespipeline.core.Money;
import org.salespipeline.core.Qualification;
import org.salespipeline.core.QualificationLevel;

/**
 * The stored form of every {@link DealEvent}: a type name and a JSON payload, beside the deal id,
 * the version and the instant, which have columns of their own.
 *
 * <p>The format is explicit, one mapping per event type, and stable: renaming a Java class or a
 * record component changes nothing in stored data. Every scalar is a JSON string: amounts as
 * plain decimals with the currency beside them ({@code "amount":"48000.00","currency":"EUR"}),
 * dates as ISO-8601 ({@code "2026-06-30"}), probabilities as the shortest decimal that reads back
 * to the same {@code double}; an empty {@code Option} is {@code null}. Readers ignore members they
 * do not know, so a field may be added later without rewriting old rows.
 *
 * <table>
 *   <caption>Types and payload members</caption>
 *   <tr><th>type</th><th>payload members</th></tr>
 *   <tr><td>{@code Opened}</td><td>pipelineId, stageId, title, account, owner, amount, currency,
 *       expectedClose, qualification {budget, authority, need, timeline, interest}, attributes {…}</td></tr>
 *   <tr><td>{@code StageChanged}</td><td>fromStageId, toStageId</td></tr>
 *   <tr><td>{@code Won}</td><td>fromStageId, wonStageId</td></tr>
 *   <tr><td>{@code Lost}</td><td>fromStageId, lostStageId, reason</td></tr>
 *   <tr><td>{@code Reopened}</td><td>toStageId</td></tr>
 *   <tr><td>{@code AmountChanged}</td><td>amount, currency</td></tr>
 *   <tr><td>{@code QualificationUpdated}</td><td>qualification {…}</td></tr>
 *   <tr><td>{@code AttributeChanged}</td><td>key, value</td></tr>
 *   <tr><td>{@code ExpectedCloseChanged}</td><td>expectedClose</td></tr>
 *   <tr><td>{@code ProbabilityOverridden}</td><td>probability</td></tr>
 *   <tr><td>{@code OwnerChanged}</td><td>owner</td></tr>
 *   <tr><td>{@code ActivityRecorded}</td><td>(none)</td></tr>
 *   <tr><td>{@code ForecastCategoryOverridden}</td><td>forecastCategory (a {@code ForecastCategory} name)</td></tr>
 * </table>
 *
 * <p>Written and read by Jackson, with the same conventions as the analyst command line's JSON
 * (an ordered map written by one configured {@code JsonMapper}). The escapes are pinned to those of
 * version 1 of the format ({@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, every
 * other control character as {@code &#92;u} and four lower-case hex digits, nothing else escaped), so a stored row
 * reads and writes back byte for byte whatever Jackson's defaults become.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventFormat {

  private static final ObjectMapper MAPPER = JsonMapper.builder(
      new JsonFactoryBuilder().characterEscapes(new Version1Escapes()).build()).build();

  /** Every type name, in the order of the table above (that of {@link DealEvent.Kind}). */
  public static final List<String> TYPES = Stream.of(DealEvent.Kind.values()).map(EventFormat::typeName).toList();

  private EventFormat() {}

  /**
   * Returns the stored type name of an event.
   *
   * @param event the event, not null
   * @return one of {@link #TYPES}, never null
   */
  public static String typeOf(DealEvent event) {
    return typeName(Objects.requireNonNull(event, "event").kind());
  }

  private static String typeName(DealEvent.Kind kind) {
    return switch (kind) {
      case OPENED -> "Opened";
      case STAGE_CHANGED -> "StageChanged";
      case WON -> "Won";
      case LOST -> "Lost";
      case REOPENED -> "Reopened";
      case AMOUNT_CHANGED -> "AmountChanged";
      case QUALIFICATION_UPDATED -> "QualificationUpdated";
      case ATTRIBUTE_CHANGED -> "AttributeChanged";
      case EXPECTED_CLOSE_CHANGED -> "ExpectedCloseChanged";
      case PROBABILITY_OVERRIDDEN -> "ProbabilityOverridden";
      case OWNER_CHANGED -> "OwnerChanged";
      case ACTIVITY_RECORDED -> "ActivityRecorded";
      case FORECAST_CATEGORY_OVERRIDDEN -> "ForecastCategoryOverridden";
    };
  }

  /**
   * Returns the JSON payload of an event: every field but the deal id and the instant.
   *
   * @param event the event, not null
   * @return a JSON object, never null
   */
  public static String payloadOf(DealEvent event) {
    Objects.requireNonNull(event, "event");
    Map<String, Object> p = new LinkedHashMap<>();
    // a switch expression, so that a new kind of event is a compile error here
    Map<String, Object> members = switch (event.kind()) {
      case OPENED -> {
        DealEvent.Opened e = (DealEvent.Opened) event;
        p.put("pipelineId", e.pipelineId());
        p.put("stageId", e.stageId());
        p.put("title", e.title());
        p.put("account", e.account());
        p.put("owner", e.owner());
        putMoney(p, e.amount());
        p.put("expectedClose", e.expectedClose().map(LocalDate::toString).getOrNull());
        p.put("qualification", qualification(e.qualification()));
        p.put("attributes", e.attributes());
        yield p;
      }
      case STAGE_CHANGED -> {
        DealEvent.StageChanged e = (DealEvent.StageChanged) event;
        p.put("fromStageId", e.fromStageId());
        p.put("toStageId", e.toStageId());
        yield p;
      }
      case WON -> {
        DealEvent.Won e = (DealEvent.Won) event;
        p.put("fromStageId", e.fromStageId());
        p.put("wonStageId", e.wonStageId());
        yield p;
      }
      case LOST -> {
        DealEvent.Lost e = (DealEvent.Lost) event;
        p.put("fromStageId", e.fromStageId());
        p.put("lostStageId", e.lostStageId());
        p.put("reason", e.reason());
        yield p;
      }
      case REOPENED -> put(p, "toStageId", ((DealEvent.Reopened) event).toStageId());
      case AMOUNT_CHANGED -> {
        putMoney(p, ((DealEvent.AmountChanged) event).amount());
        yield p;
      }
      case QUALIFICATION_UPDATED -> put(p, "qualification",
          qualification(((DealEvent.QualificationUpdated) event).qualification()));
      case ATTRIBUTE_CHANGED -> {
        DealEvent.AttributeChanged e = (DealEvent.AttributeChanged) event;
        p.put("key", e.key());
        p.put("value", e.value().getOrNull());
        yield p;
      }
      case EXPECTED_CLOSE_CHANGED -> put(p, "expectedClose",
          ((DealEvent.ExpectedCloseChanged) event).expectedClose().map(LocalDate::toString).getOrNull());
      case PROBABILITY_OVERRIDDEN -> put(p, "probability",
          ((DealEvent.ProbabilityOverridden) event).probability().map(d -> Double.toString(d)).getOrNull());
      case OWNER_CHANGED -> put(p, "owner", ((DealEvent.OwnerChanged) event).owner());
      case ACTIVITY_RECORDED -> p; // no members
      case FORECAST_CATEGORY_OVERRIDDEN -> put(p, "forecastCategory",
          ((DealEvent.ForecastCategoryOverridden) event).forecastCategory().map(Enum::name).getOrNull());
    };
    try {
      return MAPPER.writeValueAsString(members);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("bug: cannot write the payload of a " + typeOf(event) + " event: "
          + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, Object> put(Map<String, Object> p, String name, Object value) {
    p.put(name, value);
    return p;
  }

  /**
   * Reads an event back from its stored columns.
   *
   * @param dealId the deal id column, not null
   * @param type the type column, one of {@link #TYPES}
   * @param at the instant column, not null
   * @param payload the payload column, a JSON object as written by {@link #payloadOf}
   * @return the event, equal to the one that was written
   * @throws IllegalArgumentException if the type is unknown or the payload lacks a member or
   *     holds a value that does not parse; the message names the type and the member
   */
  public static DealEvent read(String dealId, String type, Instant at, String payload) {
    Objects.requireNonNull(dealId, "dealId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    DealEvent.Kind kind = Stream.of(DealEvent.Kind.values()).filter(k -> typeName(k).equals(type)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("type must be one of " + TYPES + " but was '" + type + "'"));
    Payload p = new Payload(type, members(Objects.requireNonNull(payload, "payload")));
    return switch (kind) {
      case OPENED -> new DealEvent.Opened(dealId, p.string("pipelineId"), p.string("stageId"), p.string("title"),
          p.string("account"), p.string("owner"), p.money(), p.date("expectedClose"),
          p.qualification(), p.map("attributes"), at);
      case STAGE_CHANGED -> new DealEvent.StageChanged(dealId, p.string("fromStageId"), p.string("toStageId"), at);
      case WON -> new DealEvent.Won(dealId, p.string("fromStageId"), p.string("wonStageId"), at);
      case LOST -> new DealEvent.Lost(dealId, p.string("fromStageId"), p.string("lostStageId"), p.string("reason"), at);
      case REOPENED -> new DealEvent.Reopened(dealId, p.string("toStageId"), at);
      case AMOUNT_CHANGED -> new DealEvent.AmountChanged(dealId, p.money(), at);
      case QUALIFICATION_UPDATED -> new DealEvent.QualificationUpdated(dealId, p.qualification(), at);
      case ATTRIBUTE_CHANGED -> new DealEvent.AttributeChanged(dealId, p.string("key"), p.optional("value"), at);
      case EXPECTED_CLOSE_CHANGED -> new DealEvent.ExpectedCloseChanged(dealId, p.date("expectedClose"), at);
      case PROBABILITY_OVERRIDDEN -> new DealEvent.ProbabilityOverridden(dealId, p.probability(), at);
      case OWNER_CHANGED -> new DealEvent.OwnerChanged(dealId, p.string("owner"), at);
      case ACTIVITY_RECORDED -> new DealEvent.ActivityRecorded(dealId, at);
      case FORECAST_CATEGORY_OVERRIDDEN -> new DealEvent.ForecastCategoryOverridden(dealId, p.forecastCategory(), at);
    };
  }

  private static void putMoney(Map<String, Object> p, Option<Money> money) {
    p.put("amount", money.map(m -> m.amount().toPlainString()).getOrNull());
    p.put("currency", money.map(m -> m.currency().getCurrencyCode()).getOrNull());
  }

  private static Map<String, String> qualification(Qualification q) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("budget", q.budget().name());
    m.put("authority", q.authority().name());
    m.put("need", q.need().name());
    m.put("timeline", q.timeline().name());
    m.put("interest", q.interest().name());
    return m;
  }

  /**
   * Reads a payload's members in order: values are {@code String}, {@code null} or an unmodifiable,
   * ordered {@code Map<String, String>}, as version 1 writes them; duplicates and trailing text are refused.
   */
  private static Map<String, Object> members(String text) {
    try (JsonParser in = MAPPER.createParser(text)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw malformed(text, "'{'", in.currentTokenLocation());
      }
      Map<String, Object> members = object(in, text, true);
      int end = (int) in.currentLocation().getCharOffset();
      while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      if (end != text.length()) {
        throw malformed(text, "end of payload", end);
      }
      return members;
    } catch (StreamReadException e) {
      JsonLocation where = e.getLocation();
      throw malformed(text, where != null && where.getCharOffset() >= text.length() ? "more payload" : "valid JSON ("
          + e.getOriginalMessage() + ")", where == null ? -1 : where.getCharOffset(), e);
    } catch (IOException e) {
      throw new IllegalStateException("bug: reading a string cannot fail with " + e, e);
    }
  }

  private static Map<String, Object> object(JsonParser in, String text, boolean nestingAllowed) throws IOException {
    Map<String, Object> members = new LinkedHashMap<>();
    for (JsonToken token = in.nextToken(); token != JsonToken.END_OBJECT; token = in.nextToken()) {
      String name = in.currentName();
      JsonToken value = in.nextToken();
      Object member;
      if (value == JsonToken.VALUE_STRING) {
        member = in.getText();
      } else if (value == JsonToken.START_OBJECT && nestingAllowed) {
        member = object(in, text, false);
      } else if (value == JsonToken.VALUE_NULL && nestingAllowed) {
        member = null;
      } else {
        throw malformed(text, nestingAllowed ? "a string, null or an object" : "a string", in.currentTokenLocation());
      }
      if (members.containsKey(name)) {
        throw malformed(text, "no duplicate member '" + name + "'", in.currentTokenLocation());
      }
      members.put(name, member);
    }
    return Collections.unmodifiableMap(members);
  }

  private static IllegalArgumentException malformed(String text, String expected, JsonLocation where) {
    return malformed(text, expected, where.getCharOffset());
  }

  private static IllegalArgumentException malformed(String text, String expected, long position) {
    return new IllegalArgumentException("payload must be a JSON object as written by EventFormat: expected "
        + expected + " at position " + position + " of " + text);
  }

  private static IllegalArgumentException malformed(String text, String expected, long position, Exception cause) {
    IllegalArgumentException e = malformed(text, expected, position);
    e.initCause(cause);
    return e;
  }

  /** The escapes of version 1: short ones for quote, backslash, LF, CR and tab, lower-case hex for other controls. */
  private static final class Version1Escapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;
    private static final int[] ASCII = asciiEscapes();

    private static int[] asciiEscapes() {
      int[] escapes = new int[128];
      for (int c = 0; c < 0x20; c++) {
        escapes[c] = ESCAPE_CUSTOM;
      }
      escapes['"'] = '"';
      escapes['\\'] = '\\';
      escapes['\n'] = 'n';
      escapes['\r'] = 'r';
      escapes['\t'] = 't';
      return escapes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      // Jackson asks for every non-ASCII character too; null writes it as itself
      return ch < 0x20 ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }

  /** The members of one payload, read with errors that name the event type and the member. */
  private record Payload(String type, Map<String, Object> members) {

    String string(String name) {
      return optional(name).getOrElseThrow(() -> bad(name, "must not be null"));
    }

    Option<String> optional(String name) {
      if (!members.containsKey(name)) {
        throw bad(name, "is missing");
      }
      Object value = members.get(name);
      if (value != null && !(value instanceof String)) {
        throw bad(name, "must be a string but was " + value);
      }
      return Option.of((String) value);
    }

    @SuppressWarnings("unchecked") // members() gives nested objects as Map<String, String>
    Map<String, String> map(String name) {
      Object value = members.get(name);
      if (!(value instanceof Map<?, ?>)) {
        throw bad(name, "must be an object but was " + value);
      }
      return (Map<String, String>) value;
    }

    Option<Money> money() {
      Option<String> amount = optional("amount");
      Option<String> currency = optional("currency");
      if (amount.isEmpty() != currency.isEmpty()) {
        throw bad("amount", "and currency must both be set or both be null");
      }
      try {
        return amount.map(a -> Money.of(new BigDecimal(a), Currency.getInstance(currency.get().strip())));
      } catch (IllegalArgumentException e) { // NumberFormatException included; the JDK's currency error says nothing
        String detail = e.getMessage() != null ? e.getMessage() : "'" + currency.get() + "' is not one";
        throw bad("amount", "must be a decimal and currency an ISO 4217 code: " + detail, e);
      }
    }

    Option<LocalDate> date(String name) {
      try {
        return optional(name).map(LocalDate::parse);
      } catch (java.time.format.DateTimeParseException e) {
        throw bad(name, "must be an ISO-8601 date: " + e.getMessage(), e);
      }
    }

    Option<Double> probability() {
      try {
        return optional("probability").map(Double::valueOf);
      } catch (NumberFormatException e) {
        throw bad("probability", "must be a decimal number: " + e.getMessage(), e);
      }
    }

    Option<ForecastCategory> forecastCategory() {
      Option<String> name = optional("forecastCategory");
      try {
        return name.map(ForecastCategory::valueOf);
      } catch (IllegalArgumentException e) {
        throw bad("forecastCategory", "must be one of " + Arrays.toString(ForecastCategory.values())
            + " but was " + name.get(), e);
      }
    }

    Qualification qualification() {
      Map<String, String> q = map("qualification");
      return new Qualification(level(q, "budget"), level(q, "authority"), level(q, "need"),
          level(q, "timeline"), level(q, "interest"));
    }

    private QualificationLevel level(Map<String, String> q, String criterion) {
      String level = q.get(criterion);
      if (level == null) {
        throw bad("qualification." + criterion, "is missing");
      }
      try {
        return QualificationLevel.valueOf(level);
      } catch (IllegalArgumentException e) {
        throw bad("qualification." + criterion, "must be one of UNKNOWN, NO, PARTIAL, YES but was " + level, e);
      }
    }

    private IllegalArgumentException bad(String name, String problem) {
      return new IllegalArgumentException("payload of a " + type + " event: '" + name + "' " + problem);
    }

    private IllegalArgumentException bad(String name, String problem, Exception cause) {
      IllegalArgumentException e = bad(name, problem);
      e.initCause(cause);
      return e;
    }
  }
}
