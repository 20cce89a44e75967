package io.tributary.connect.herder;

/** The result of a write that may create or replace: {@code created} picks 201 over 200 in REST. */
public record Created<T>(boolean created, T result) {
}
