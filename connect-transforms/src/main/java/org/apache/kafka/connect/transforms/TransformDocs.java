package org.apache.kafka.connect.transforms;

/** Config documentation shared by several transformations of this package. */
final class TransformDocs {

    static final String REPLACE_NULL_WITH_DEFAULT = "When a field is null and its schema has a default, "
            + "true hands on the default value and false keeps the null.";

    private TransformDocs() {
    }
}
