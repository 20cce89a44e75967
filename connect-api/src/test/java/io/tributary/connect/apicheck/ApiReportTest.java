package io.tributary.connect.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiReportTest {

    private static final ApiMember SIZE = new ApiMember(MemberKind.METHOD, "size()", "public int size()");

    @Test
    void describeListsSummaryThenDifferencesGroupedUnderTheirClass() {
        ApiReport report = new ApiReport(2, 10, List.of(
                ApiDifference.missing("a.First", SIZE),
                ApiDifference.extra("a.First", new ApiMember(MemberKind.FIELD, "X", "public int X")),
                ApiDifference.missing("a.Second", SIZE)));

        assertThat(report.describe()).isEqualTo("""
                API check: 2 reference classes, 10 members compared, 2 missing, 0 changed, 1 extra

                a.First:
                  MISSING method a.First#size() -- public int size()
                  EXTRA field a.First#X -- public int X

                a.Second:
                  MISSING method a.Second#size() -- public int size()""");
    }

    @Test
    void wholeMissingClassCountsItsDeclarationAndEveryMember() {
        ClassApi type = ClassApi.of("a.Gone", List.of(
                new ApiMember(MemberKey.DECLARATION, "public class a.Gone"), SIZE));

        ApiReport report = new ApiReport(1, 2, List.of(ApiDifference.missingClass(type)));

        assertThat(report.count(ApiDifference.Change.MISSING)).isEqualTo(2);
        assertThat(report.isCompatible()).isFalse();
    }
}
