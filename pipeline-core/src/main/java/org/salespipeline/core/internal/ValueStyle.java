package org.salespipeline.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The project's one Immutables style: generated classes stay package-private behind the abstract
 * value type, so users only ever see {@code Deal}, {@code Stage}, {@code Stage.builder()}.
 *
 * <p>The rule for values in the libraries: a domain, configuration or result value ({@code Stage},
 * {@code NewDeal}, {@code TransitionPolicy}, {@code EntryCriterion}, the metrics' queries and
 * reports, {@code ScoringContext}, the configurable scorers and {@code Prioritiser}) is an abstract
 * class with {@code @Value.Immutable} and this style: accessors and public {@code with…} methods
 * declared on it, defaults as {@code @Value.Default}, what the hot path reads precomputed as
 * {@code @Value.Derived @Value.Auxiliary}, structural checks in one {@code @Value.Check}, a static
 * factory ({@code of}, {@code asOf}, {@code defaults}) as the only way in. A small closed set of
 * cases (events, rejections, failures) is a sealed interface of records; a plain record holds a few
 * fields inside a value. Only {@code Deal} and {@code Money} are written by hand, for their measured
 * memory layout (their design notes say why); any other hand-written {@code equals} says why in
 * one line of its Javadoc.
 *
 * <p>Class retention: the annotation is a compile-time concern and never reaches users' class
 * paths. Not exported; other modules of this project may use it through a qualified export.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    allowedClasspathAnnotations = {Override.class},
    defaults = @Value.Immutable(copy = true),
    depluralize = true)
public @interface ValueStyle {}
