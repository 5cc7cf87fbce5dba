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
