package io.tributary.connect.apicheck;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The API of one class: its declaration plus its visible members, keyed for comparison. */
record ClassApi(String name, SortedMap<MemberKey, ApiMember> members) {

    ClassApi {
        members = Collections.unmodifiableSortedMap(new TreeMap<>(members));
    }

    static ClassApi of(String name, Collection<ApiMember> members) {
        SortedMap<MemberKey, ApiMember> byKey = new TreeMap<>();
        for (ApiMember member : members) {
            byKey.putIfAbsent(member.key(), member);
        }
        return new ClassApi(name, byKey);
    }

    /** A class that exists but could not be loaded or reflected on; reported instead of crashing. */
    static ClassApi unreadable(String name, Throwable error) {
        ApiMember declaration = new ApiMember(MemberKey.DECLARATION,
                "unreadable class " + name + ": " + error);
        return of(name, List.of(declaration));
    }

    String declaration() {
        ApiMember declaration = members.get(MemberKey.DECLARATION);
        return declaration == null ? "" : declaration.text();
    }
}
