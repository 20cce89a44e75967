package io.tributary.connect.worker;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * One transformation, applied only to records its predicate (if any, possibly negated) selects, with the plugin
 * metrics (KIP-877) each of the two registered.
 */
record TransformationStage<R extends ConnectRecord<R>>(String alias, Transformation<R> transformation,
                                                       String predicateAlias, Predicate<R> predicate, boolean negate,
                                                       AutoCloseable transformationMetrics,
                                                       AutoCloseable predicateMetrics) {

    R apply(R record) {
        if (predicate != null && predicate.test(record) == negate) {
            return record;
        }
        return transformation.apply(record);
    }

    /** Closes the transformation, then its metrics, then the same for the predicate. */
    void close() {
        try {
            transformation.close();
        } finally {
            Utils.closeQuietly(transformationMetrics, "plugin metrics of transformation " + alias);
            if (predicate != null) {
                try {
                    predicate.close();
                } finally {
                    Utils.closeQuietly(predicateMetrics, "plugin metrics of the predicate of transformation " + alias);
                }
            }
        }
    }
}
