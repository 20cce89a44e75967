package io.tributary.connect.rest.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns Jackson's failures to read a request body into messages a user can act on: what is wrong,
 * where (line, column, field) and what was expected, without our internal class names.
 */
final class RequestBodyProblems {

    private RequestBodyProblems() {
    }

    static String describe(JsonProcessingException e) {
        // Databind wraps parser failures to add the field path; what matters is that the JSON is broken.
        if (e instanceof JsonMappingException && e.getCause() instanceof StreamReadException broken) {
            return malformed(broken);
        }
        if (e instanceof StreamReadException broken) {
            return malformed(broken);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unrecognized field \"" + fieldPath(unknown) + "\" in the request body" + at(e)
                    + "; the known fields are: " + knownFields(unknown.getKnownPropertyIds());
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = fieldPath(mismatch);
            return "Invalid request body" + at(e) + (field.isEmpty() ? "" : " in field \"" + field + "\"")
                    + ": expected " + expected(mismatch.getTargetType());
        }
        if (e instanceof JsonMappingException mapping) {
            String field = fieldPath(mapping);
            return "Invalid request body" + at(e) + (field.isEmpty() ? "" : " in field \"" + field + "\"")
                    + ": " + e.getOriginalMessage();
        }
        return "Invalid request body" + at(e) + ": " + e.getOriginalMessage();
    }

    private static String malformed(StreamReadException e) {
        return "Malformed JSON in the request body" + at(e) + ": " + e.getOriginalMessage();
    }

    private static String at(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String knownFields(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "(none)";
        }
        return known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different JSON value";
        }
        if (type == String.class) {
            return "a string, number or boolean";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a value of type " + type.getSimpleName();
    }
}
