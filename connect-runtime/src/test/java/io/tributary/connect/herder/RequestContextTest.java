package io.tributary.connect.herder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestContextTest {

    @Test
    void aClientRequestMayBeForwardedAndForwardedOnceMore() {
        RequestContext context = RequestContext.fromForwardParameter(null);
        assertThat(context).isEqualTo(RequestContext.CLIENT);
        assertThat(context.mayForward()).isTrue();
        assertThat(context.receiverMayForward()).isTrue();
    }

    @Test
    void aRequestForwardedOnceMayBeForwardedALastTime() {
        RequestContext context = RequestContext.fromForwardParameter("true");
        assertThat(context.origin()).isEqualTo(RequestContext.Origin.FORWARDED_ONCE);
        assertThat(context.mayForward()).isTrue();
        assertThat(context.receiverMayForward()).isFalse();
    }

    @Test
    void aRequestForwardedTwiceIsServedHereOrRefused() {
        RequestContext context = RequestContext.fromForwardParameter("false");
        assertThat(context.origin()).isEqualTo(RequestContext.Origin.FORWARDED_TWICE);
        assertThat(context.mayForward()).isFalse();
    }

    @Test
    void theClientsAuthorizationHeaderIsKeptButNeverShown() {
        RequestContext context = RequestContext.fromRequest("true", "Basic YWxpY2U6c2VjcmV0");

        assertThat(context.origin()).isEqualTo(RequestContext.Origin.FORWARDED_ONCE);
        assertThat(context.authorization()).isEqualTo("Basic YWxpY2U6c2VjcmV0");
        assertThat(context.toString()).doesNotContain("YWxpY2U6c2VjcmV0");
        assertThat(RequestContext.fromRequest(null, null)).isEqualTo(RequestContext.CLIENT);
    }

    @Test
    void anOriginIsRequired() {
        assertThatThrownBy(() -> new RequestContext(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
