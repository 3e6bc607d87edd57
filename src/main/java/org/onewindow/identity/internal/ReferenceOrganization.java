package org.onewindow.identity.internal;

import java.util.List;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.identity.DepartmentKind;
import org.onewindow.identity.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The government the platform serves: one province, two cities, three counties with their
 * townships and villages, and ten departments in every province, city and county. Reference
 * data, not demo data: staff accounts (the first administrator too) belong to a region and a
 * department, so the tree is loaded into an empty database whether or not the demo is on.
 */
@Component
@Order(5)
class ReferenceOrganization implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceOrganization.class);

    private static final List<Region> REGIONS = List.of(
            new Region("330000", null, AdministrativeLevel.PROVINCE, "浙江省", "Zhejiang Province"),
            new Region("330100", "330000", AdministrativeLevel.CITY, "杭州市", "Hangzhou City"),
            new Region("330200", "330000", AdministrativeLevel.CITY, "宁波市", "Ningbo City"),
            new Region("330106", "330100", AdministrativeLevel.COUNTY, "西湖区", "Xihu District"),
            new Region("330110", "330100", AdministrativeLevel.COUNTY, "余杭区", "Yuhang District"),
            new Region("330212", "330200", AdministrativeLevel.COUNTY, "鄞州区", "Yinzhou District"),
            new Region("330106001", "330106", AdministrativeLevel.TOWNSHIP, "北山街道", "Beishan Subdistrict"),
            new Region("330106002", "330106", AdministrativeLevel.TOWNSHIP, "西溪街道", "Xixi Subdistrict"),
            new Region("330106101", "330106", AdministrativeLevel.TOWNSHIP, "转塘街道", "Zhuantang Subdistrict"),
            new Region("330110001", "330110", AdministrativeLevel.TOWNSHIP, "五常街道", "Wuchang Subdistrict"),
            new Region("330110101", "330110", AdministrativeLevel.TOWNSHIP, "良渚街道", "Liangzhu Subdistrict"),
            new Region("330212001", "330212", AdministrativeLevel.TOWNSHIP, "中河街道", "Zhonghe Subdistrict"),
            new Region("330212101", "330212", AdministrativeLevel.TOWNSHIP, "姜山镇", "Jiangshan Town"),
            new Region("330106001001", "330106001", AdministrativeLevel.VILLAGE, "曙光社区", "Shuguang Community"),
            new Region("330106101201", "330106101", AdministrativeLevel.VILLAGE, "龙坞村", "Longwu Village"),
            new Region("330110101201", "330110101", AdministrativeLevel.VILLAGE, "良渚村", "Liangzhu Village"),
            new Region("330212101201", "330212101", AdministrativeLevel.VILLAGE, "走马塘村", "Zoumatang Village"));

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ReferenceOrganization(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from region").query(Integer.class).single() > 0) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            REGIONS.forEach(this::addRegion);
            REGIONS.stream().filter(r -> r.level().compareTo(AdministrativeLevel.COUNTY) <= 0).forEach(this::addDepartments);
        });
        log.info("Loaded the organization: {} regions and their departments", REGIONS.size());
    }

    private void addRegion(Region region) {
        jdbc.sql("insert into region (code, parent_code, level, prefix, name_zh, name_en) values (:code, :parent, :level, :prefix, :zh, :en)")
                .param("code", region.code()).param("parent", region.parentCode()).param("level", region.level().name())
                .param("prefix", region.prefix()).param("zh", region.nameZh()).param("en", region.nameEn())
                .update();
    }

    private void addDepartments(Region region) {
        for (DepartmentKind kind : DepartmentKind.values()) {
            jdbc.sql("insert into department (id, region_code, kind, name_zh, name_en) values (:id, :region, :kind, :zh, :en)")
                    .param("id", region.code() + ":" + kind.code()).param("region", region.code()).param("kind", kind.code())
                    .param("zh", region.nameZh() + kind.nameZh()).param("en", region.nameEn() + " " + kind.nameEn())
                    .update();
        }
    }
}
