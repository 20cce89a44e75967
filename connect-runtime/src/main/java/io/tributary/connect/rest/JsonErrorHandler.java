package io.tributary.connect.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.model.ErrorMessage;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Errors Jetty answers itself (body over the size limit, malformed HTTP, no context) in the same
 * {@code {"error_code", "message"}} shape as the API's own errors, instead of an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final ObjectMapper mapper;
    private final long maxRequestBytes;

    JsonErrorHandler(ObjectMapper mapper, long maxRequestBytes) {
        this.mapper = mapper;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Jetty writes error bodies only for GET, POST and HEAD by default; API clients use every method. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
                                    Throwable cause, Callback callback) throws IOException {
        String text = code == HttpStatus.PAYLOAD_TOO_LARGE_413
                ? "Request body is larger than the limit of " + maxRequestBytes + " bytes"
                : statusLine(code, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, body(code, text), callback);
    }

    /** Requests Jetty cannot even parse (e.g. an illegal character in the path); the reason says what was wrong. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return body(status, statusLine(status, reason));
    }

    /** "HTTP 400 Bad Request", plus Jetty's reason when it says more than the status phrase. */
    private static String statusLine(int code, String reason) {
        String phrase = HttpStatus.getMessage(code);
        boolean informative = reason != null && !reason.isBlank() && !reason.equalsIgnoreCase(phrase);
        return "HTTP " + code + " " + phrase + (informative ? ": " + reason : "");
    }

    private ByteBuffer body(int code, String text) {
        try {
            return ByteBuffer.wrap(mapper.writeValueAsBytes(new ErrorMessage(code, text)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An error message could not be written as JSON", e);
        }
    }
}
