package io.tributary.connect.rest;

import io.tributary.connect.config.ResponseHeaderRule;
import org.apache.kafka.common.utils.Time;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.List;

/**
 * Applies response.http.headers.config to every answer. Headers are set before the request is handled,
 * so an answer may still override them. Date rules take a millisecond offset from now.
 */
final class ResponseHeadersHandler extends Handler.Wrapper {

    private final List<ResponseHeaderRule> rules;
    private final Time time;

    ResponseHeadersHandler(List<ResponseHeaderRule> rules, Time time, Handler next) {
        super(next);
        this.rules = List.copyOf(rules);
        this.time = time;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable headers = response.getHeaders();
        for (ResponseHeaderRule rule : rules) {
            switch (rule.action()) {
                case SET -> headers.put(rule.name(), rule.value());
                case ADD -> headers.add(rule.name(), rule.value());
                case SET_DATE -> headers.putDate(rule.name(), time.milliseconds() + Long.parseLong(rule.value()));
                case ADD_DATE -> headers.addDateField(rule.name(), time.milliseconds() + Long.parseLong(rule.value()));
            }
        }
        return super.handle(request, response, callback);
    }
}
