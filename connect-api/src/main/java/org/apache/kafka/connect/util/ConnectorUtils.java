package org.apache.kafka.connect.util;

import java.util.ArrayList;
import java.util.List;

/** Helpers for connectors splitting their work among tasks. */
public class ConnectorUtils {

    /**
     * Splits elements into numGroups contiguous groups in their original order. Sizes differ by at most
     * one, the larger groups first; when there are fewer elements than groups, the tail groups are empty.
     */
    public static <T> List<List<T>> groupPartitions(List<T> elements, int numGroups) {
        if (numGroups <= 0) {
            throw new IllegalArgumentException("Number of groups must be positive.");
        }
        int smallSize = elements.size() / numGroups;
        int largeGroups = elements.size() % numGroups;
        List<List<T>> groups = new ArrayList<>(numGroups);
        int start = 0;
        for (int group = 0; group < numGroups; group++) {
            int size = group < largeGroups ? smallSize + 1 : smallSize;
            groups.add(new ArrayList<>(elements.subList(start, start + size)));
            start += size;
        }
        return groups;
    }
}
