package org.apache.kafka.connect.connector;

import java.util.Map;

/** One unit of work a connector hands to the runtime; source and sink tasks refine it. */
public interface Task {

    String version();

    void start(Map<String, String> props);

    void stop();
}
