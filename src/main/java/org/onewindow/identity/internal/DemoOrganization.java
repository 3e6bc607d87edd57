package org.onewindow.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onewindow.identity.MobilePhoneNumber;
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
 * The demo's people: citizens, an enterprise and one member of staff per role of the
 * {@link ReferenceOrganization}, all with one published password. Only with
 * {@code onewindow.demo-data} on, and only into a database that has no staff yet.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "onewindow.demo-data")
class DemoOrganization implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo1234";
    private static final Logger log = LoggerFactory.getLogger(DemoOrganization.class);

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
        if (jdbc.sql("select count(*) from account where kind = 'STAFF'").query(Integer.class).single() > 0) {
            verifyDemoCitizens();
            return;
        }
        transaction.executeWithoutResult(status -> {
            addAccounts();
            verifyDemoCitizens();
        });
        log.info("Loaded the demo accounts, each with the password '{}'", DEMO_PASSWORD);
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
