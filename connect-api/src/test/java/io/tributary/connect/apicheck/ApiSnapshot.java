package io.tributary.connect.apicheck;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The API of a whole code base (a jar or classes directory), one entry per visible class. */
record ApiSnapshot(SortedMap<String, ClassApi> classes) {

    ApiSnapshot {
        classes = Collections.unmodifiableSortedMap(new TreeMap<>(classes));
    }

    static ApiSnapshot of(Collection<ClassApi> classes) {
        SortedMap<String, ClassApi> byName = new TreeMap<>();
        classes.forEach(api -> byName.put(api.name(), api));
        return new ApiSnapshot(byName);
    }

    /** Every compared element: each class declaration plus each of its members. */
    int elementCount() {
        return classes.values().stream().mapToInt(api -> api.members().size()).sum();
    }
}
