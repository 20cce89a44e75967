package io.tributary.connect.apicheck;

/** The kinds of API elements the check compares; the order is the order they are reported in. */
enum MemberKind {
    DECLARATION("class"),
    ENUM_CONSTANT("enum constant"),
    FIELD("field"),
    CONSTRUCTOR("constructor"),
    METHOD("method");

    private final String label;

    MemberKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
