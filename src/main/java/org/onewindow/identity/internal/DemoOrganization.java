package org.onewindow.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.identity.DepartmentKind;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.Region;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.Role;
import org.onewindow.identity.UnifiedSocialCreditCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo government: one province, two cities, three counties with their townships and
 * villages, ten departments in every province, city and county, and one account per role.
 * Loaded once, into an empty database.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "onewindow.demo-data")
class DemoOrganization implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo1234";
    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

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
    private final AccountStore accounts;
    private final PersonRecords records;
    private final TransactionTemplate transaction;

    DemoOrganization(JdbcClient jdbc, AccountStore accounts, PersonRecords records, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.records = records;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from region").query(Integer.class).single() > 0) {
            verifyDemoCitizens();
            return;
        }
        transaction.executeWithoutResult(status -> {
            REGIONS.forEach(this::addRegion);
            REGIONS.stream().filter(r -> r.level().compareTo(AdministrativeLevel.COUNTY) <= 0).forEach(this::addDepartments);
            addAccounts();
            verifyDemoCitizens();
        });
        log.info("Loaded the demo organization: {} regions and their departments, demo accounts with password '{}'",
                REGIONS.size(), DEMO_PASSWORD);
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

    private void addAccounts() {
        // every demo account has the same, published password: hashed once instead of fourteen times
        AccountStore.PasswordHash password = accounts.hash(DEMO_PASSWORD);
        accounts.registerPerson("zhangsan", password, "张三", demoIdNumber("33010619900101123"), MobilePhoneNumber.parse("13800138000"));
        accounts.registerPerson("lisi", password, "李四", demoIdNumber("33010619480305201"), MobilePhoneNumber.parse("13900139000"));
        accounts.registerEnterprise("xihu-restaurant", password, "杭州西湖味道餐饮有限公司", demoCreditCode("91330106MA2CXXXX0"));
        accounts.addStaff("admin", password, "省级管理员", "330000", null, EnumSet.of(Role.ADMINISTRATOR));
        accounts.addStaff("admin.xihu", password, "西湖区管理员", "330106", null, EnumSet.of(Role.ADMINISTRATOR));
        accounts.addStaff("clerk.xihu", password, "王窗口", "330106", null, EnumSet.of(Role.CLERK));
        accounts.addStaff("handler.xihu.mr", password, "赵审批", "330106", "330106:market-regulation", EnumSet.of(Role.HANDLER));
        // a second market-regulation handler (two-step review needs another person to decide) and the
        // departments that decide or countersign the demo construction permit (HC-002)
        accounts.addStaff("handler2.xihu.mr", password, "周复核", "330106", "330106:market-regulation", EnumSet.of(Role.HANDLER));
        accounts.addStaff("handler.xihu.hc", password, "吴住建", "330106", "330106:housing-construction", EnumSet.of(Role.HANDLER));
        accounts.addStaff("handler.xihu.nr", password, "郑规划", "330106", "330106:natural-resources", EnumSet.of(Role.HANDLER));
        accounts.addStaff("handler.xihu.ee", password, "冯环保", "330106", "330106:ecology-environment", EnumSet.of(Role.HANDLER));
        accounts.addStaff("steward.xihu", password, "钱数据", "330106", "330106:market-regulation", EnumSet.of(Role.DATA_STEWARD));
        accounts.addStaff("supervisor.hangzhou", password, "孙督查", "330100", null, Set.of(Role.SUPERVISOR));
    }

    /**
     * The demo citizens are verified the way anyone is, through the real-name register (the
     * simulated one knows them); also in a demo database made before accounts were verified.
     */
    private void verifyDemoCitizens() {
        for (String citizen : List.of("zhangsan", "lisi")) {
            if (accounts.exists(citizen) && !records.isVerified(citizen)) {
                log.info("Verifying the demo citizen {}: {}", citizen, records.verify(citizen));
            }
        }
    }

    private static ResidentIdNumber demoIdNumber(String first17) {
        return ResidentIdNumber.parse(first17 + ResidentIdNumber.checkDigitFor(first17));
    }

    private static UnifiedSocialCreditCode demoCreditCode(String first17) {
        String valid = first17.replace('X', '1');
        return UnifiedSocialCreditCode.parse(valid + UnifiedSocialCreditCode.checkCharFor(valid));
    }
}
