package io.tributary.connect.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.connect.rest.entities.ErrorMessage;
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

    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
                                    Throwable cause, Callback callback) throws IOException {
        String text = code == HttpStatus.PAYLOAD_TOO_LARGE_413
                ? "Request body is larger than the limit of " + maxRequestBytes + " bytes"
                : "HTTP " + code + " " + HttpStatus.getMessage(code);
        byte[] body = mapper.writeValueAsBytes(new ErrorMessage(code, text));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
