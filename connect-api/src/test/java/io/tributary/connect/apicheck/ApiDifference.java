package io.tributary.connect.apicheck;

/**
 * One difference between the reference API and ours. A whole missing or extra class is a single
 * difference standing for all its members ({@code affectedElements} counts them).
 */
record ApiDifference(Change change, String className, MemberKey member, String expected,
                     String actual, int affectedElements) {

    enum Change { MISSING, CHANGED, EXTRA }

    static ApiDifference missing(String className, ApiMember member) {
        return new ApiDifference(Change.MISSING, className, member.key(), member.text(), null, 1);
    }

    static ApiDifference extra(String className, ApiMember member) {
        return new ApiDifference(Change.EXTRA, className, member.key(), null, member.text(), 1);
    }

    static ApiDifference changed(String className, ApiMember expected, ApiMember actual) {
        return new ApiDifference(Change.CHANGED, className, expected.key(), expected.text(),
                actual.text(), 1);
    }

    static ApiDifference missingClass(ClassApi expected) {
        return new ApiDifference(Change.MISSING, expected.name(), MemberKey.DECLARATION,
                expected.declaration(), null, expected.members().size());
    }

    static ApiDifference extraClass(ClassApi actual) {
        return new ApiDifference(Change.EXTRA, actual.name(), MemberKey.DECLARATION, null,
                actual.declaration(), actual.members().size());
    }

    /**
     * One self-contained line, e.g.
     * {@code MISSING method org.apache.kafka.connect.data.Struct#getInt8(java.lang.String) -- public java.lang.Byte getInt8(java.lang.String)}.
     */
    String describe() {
        String subject = member.kind().label() + " " + className
                + (member.id().isEmpty() ? "" : "#" + member.id());
        String wholeClass = affectedElements > 1
                ? " (whole class, " + (affectedElements - 1) + " members)" : "";
        return switch (change) {
            case MISSING -> "MISSING " + subject + wholeClass + " -- " + expected;
            case EXTRA -> "EXTRA " + subject + wholeClass + " -- " + actual;
            case CHANGED -> "CHANGED " + subject + " -- expected: " + expected + " -- actual: " + actual;
        };
    }
}
