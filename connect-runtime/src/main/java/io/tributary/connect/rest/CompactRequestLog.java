package io.tributary.connect.rest;

import org.apache.kafka.common.utils.Time;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/** One INFO line per request: client, method and path, status, bytes sent and time taken. */
final class CompactRequestLog implements RequestLog {

    private static final Logger log = LoggerFactory.getLogger(CompactRequestLog.class);

    private final Time time;

    /** @param time its nanoseconds must be the JVM's nano clock, with which Jetty stamps a request's begin */
    CompactRequestLog(Time time) {
        this.time = time;
    }

    @Override
    public void log(Request request, Response response) {
        if (!log.isInfoEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(time.nanoseconds() - request.getBeginNanoTime());
        log.info("{} \"{} {}\" {} {}B {}ms", Request.getRemoteAddr(request), request.getMethod(),
                request.getHttpURI().getPathQuery(), response.getStatus(),
                Response.getContentBytesWritten(response), millis);
    }
}
