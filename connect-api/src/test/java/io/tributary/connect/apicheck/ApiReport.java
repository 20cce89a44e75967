package io.tributary.connect.apicheck;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The outcome of a comparison: counts for the summary line and every difference, in order. */
record ApiReport(int referenceClasses, int elementsCompared, List<ApiDifference> differences) {

    ApiReport {
        differences = List.copyOf(differences);
    }

    boolean isCompatible() {
        return differences.isEmpty();
    }

    /** Elements affected by differences of one kind; a whole missing class counts all its members. */
    int count(ApiDifference.Change change) {
        return differences.stream().filter(difference -> difference.change() == change)
                .mapToInt(ApiDifference::affectedElements).sum();
    }

    String summary() {
        return "API check: " + referenceClasses + " reference classes, " + elementsCompared
                + " members compared, " + count(ApiDifference.Change.MISSING) + " missing, "
                + count(ApiDifference.Change.CHANGED) + " changed, "
                + count(ApiDifference.Change.EXTRA) + " extra";
    }

    /** The summary followed by every difference, grouped under the name of its class. */
    String describe() {
        Map<String, List<ApiDifference>> byClass = differences.stream().collect(
                Collectors.groupingBy(ApiDifference::className, TreeMap::new, Collectors.toList()));
        StringBuilder text = new StringBuilder(summary());
        byClass.forEach((className, classDifferences) -> {
            text.append("\n\n").append(className).append(':');
            classDifferences.forEach(difference -> text.append("\n  ").append(difference.describe()));
        });
        return text.toString();
    }
}
