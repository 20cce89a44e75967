package io.tributary.connect.apicheck;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** Compares our API snapshot against the reference, element by element. */
final class ApiDiffer {

    private ApiDiffer() {
    }

    static ApiReport compare(ApiSnapshot reference, ApiSnapshot ours) {
        SortedSet<String> classNames = new TreeSet<>(reference.classes().keySet());
        classNames.addAll(ours.classes().keySet());
        List<ApiDifference> differences = new ArrayList<>();
        for (String name : classNames) {
            ClassApi expected = reference.classes().get(name);
            ClassApi actual = ours.classes().get(name);
            if (actual == null) {
                differences.add(ApiDifference.missingClass(expected));
            } else if (expected == null) {
                differences.add(ApiDifference.extraClass(actual));
            } else {
                compareMembers(expected, actual, differences);
            }
        }
        return new ApiReport(reference.classes().size(), reference.elementCount(), differences);
    }

    private static void compareMembers(ClassApi expected, ClassApi actual, List<ApiDifference> differences) {
        SortedSet<MemberKey> keys = new TreeSet<>(expected.members().keySet());
        keys.addAll(actual.members().keySet());
        for (MemberKey key : keys) {
            ApiMember want = expected.members().get(key);
            ApiMember have = actual.members().get(key);
            if (have == null) {
                differences.add(ApiDifference.missing(expected.name(), want));
            } else if (want == null) {
                differences.add(ApiDifference.extra(actual.name(), have));
            } else if (!want.text().equals(have.text())) {
                differences.add(ApiDifference.changed(expected.name(), want, have));
            }
        }
    }
}
