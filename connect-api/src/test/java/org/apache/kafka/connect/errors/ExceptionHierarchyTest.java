package org.apache.kafka.connect.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class ExceptionHierarchyTest {

    @Test
    void connectExceptionIsAKafkaException() {
        assertThat(new ConnectException("x")).isInstanceOf(KafkaException.class);
    }

    @Test
    void schemaErrorsAreDataExceptions() {
        assertThat(new SchemaBuilderException("x")).isInstanceOf(DataException.class);
        assertThat(new SchemaProjectorException("x")).isInstanceOf(DataException.class);
    }

    @Test
    void otherErrorsAreConnectExceptions() {
        assertThat(new DataException("x")).isInstanceOf(ConnectException.class);
        assertThat(new RetriableException("x")).isInstanceOf(ConnectException.class);
        assertThat(new IllegalWorkerStateException("x")).isInstanceOf(ConnectException.class);
        assertThat(new AlreadyExistsException("x")).isInstanceOf(ConnectException.class);
        assertThat(new NotFoundException("x")).isInstanceOf(ConnectException.class);
    }

    @Test
    void messageAndCauseArePreserved() {
        Throwable cause = new IllegalStateException("root");
        RetriableException e = new RetriableException("wrapped", cause);
        assertThat(e).hasMessage("wrapped").hasCause(cause);
        assertThat(new NotFoundException(cause)).hasCause(cause);
    }
}
