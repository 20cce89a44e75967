package io.tributary.connect.worker;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/** One transformation, applied only to records its predicate (if any, possibly negated) selects. */
record TransformationStage<R extends ConnectRecord<R>>(String alias, Transformation<R> transformation,
                                                       Predicate<R> predicate, boolean negate) {

    R apply(R record) {
        if (predicate != null && predicate.test(record) == negate) {
            return record;
        }
        return transformation.apply(record);
    }

    void close() {
        try {
            transformation.close();
        } finally {
            if (predicate != null) {
                predicate.close();
            }
        }
    }
}
