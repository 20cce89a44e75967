package io.tributary.connect.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One {@code topic.creation.<group>} of a source connector: which topics it covers (include minus
 * exclude, full-match regexes) and how it creates them. -1 partitions or replication factor leaves the
 * choice to the broker.
 */
public record TopicCreationGroup(String name, List<Pattern> include, List<Pattern> exclude, int partitions,
                                 short replicationFactor, Map<String, String> topicConfigs) {

    public TopicCreationGroup {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        topicConfigs = Map.copyOf(topicConfigs);
    }

    public boolean matches(String topic) {
        return include.stream().anyMatch(pattern -> pattern.matcher(topic).matches())
                && exclude.stream().noneMatch(pattern -> pattern.matcher(topic).matches());
    }
}
