package org.onewindow.casework.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onewindow.IntegrationTest;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.CaseworkService;
import org.onewindow.casework.WorkItem;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.identity.StaffMember;
import org.springframework.beans.factory.annotation.Autowired;

/** The office's worklist: clerks accept what came in anywhere in their region; handlers see their own department's items through to closure. */
@IntegrationTest
class WorklistTest {

    @Autowired
    Worklist worklist;
    @Autowired
    CaseworkService casework;
    @Autowired
    OfficeWork office;
    @Autowired
    StaffDirectory staffDirectory;

    @Test
    void clerksSeeAcceptanceAndHandlersTheirDepartmentsItemsToTheEnd() {
        String shop = casework.submitOnline("zhangsan", "MR-002", "330106", Map.of("shopName", "张记书店", "businessScope", "图书",
                "organizationForm", "INDIVIDUAL"), UUID.randomUUID().toString()).application().number();
        String pension = casework.submitOnline("zhangsan", "HR-002", "330106", Map.of("retirementDate", "2027-01-01",
                "bankAccount", "6222000011112222"), UUID.randomUUID().toString()).application().number();
        StaffMember clerk = staffDirectory.staff("clerk.xihu").orElseThrow();
        StaffMember handler = staffDirectory.staff("handler.xihu.mr").orElseThrow();

        assertThat(numbers(worklist.openFor(clerk))).contains(shop, pension);
        assertThat(numbers(worklist.openFor(handler))).contains(shop).doesNotContain(pension);
        assertThat(worklist.openFor(clerk)).filteredOn(w -> w.applicationNumber().equals(shop))
                .singleElement().satisfies(w -> {
                    assertThat(w.step()).isEqualTo("acceptance");
                    assertThat(w.state()).isEqualTo(ApplicationState.SUBMITTED);
                    assertThat(w.dueOn()).isNull();
                    assertThat(w.itemName().zh()).isEqualTo("个体工商户设立登记");
                });

        office.accept(shop, clerk);

        assertThat(numbers(worklist.openFor(clerk))).doesNotContain(shop);
        assertThat(worklist.openFor(handler)).filteredOn(w -> w.applicationNumber().equals(shop))
                .singleElement().satisfies(w -> {
                    assertThat(w.step()).isEqualTo("decision");
                    assertThat(w.dueOn()).isNotNull();
                    assertThat(w.claimedBy()).isNull();
                });
    }

    private static List<String> numbers(List<WorkItem> work) {
        return work.stream().map(WorkItem::applicationNumber).toList();
    }
}
