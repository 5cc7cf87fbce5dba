package org.salespipeline.metrics;

import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Unmodifiable maps in a stable order, so that equal figures print and compare the same. */
final class Maps {

  private Maps() {}

  static <V> Map<Currency, V> byCurrency(Map<Currency, V> map) {
    TreeMap<Currency, V> sorted = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
    sorted.putAll(map);
    return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
  }
}
