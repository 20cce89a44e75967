package io.tributary.connect.apicheck;

/**
 * One API element rendered as a normalized, javap-like string built from type names only, so
 * that classes from different class loaders compare equal when their signatures are equal.
 */
record ApiMember(MemberKey key, String text) {

    ApiMember(MemberKind kind, String id, String text) {
        this(new MemberKey(kind, id), text);
    }
}
