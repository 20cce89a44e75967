package io.tributary.connect.apicheck;

import java.util.Comparator;

/**
 * Identifies a member independently of the details that may change: a method is identified by
 * its name and erased parameter types, so a changed return type shows up as CHANGED, not as a
 * MISSING plus an EXTRA.
 */
record MemberKey(MemberKind kind, String id) implements Comparable<MemberKey> {

    static final MemberKey DECLARATION = new MemberKey(MemberKind.DECLARATION, "");

    private static final Comparator<MemberKey> ORDER =
            Comparator.comparing(MemberKey::kind).thenComparing(MemberKey::id);

    @Override
    public int compareTo(MemberKey other) {
        return ORDER.compare(this, other);
    }
}
