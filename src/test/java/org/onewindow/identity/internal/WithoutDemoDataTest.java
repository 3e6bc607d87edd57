package org.onewindow.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onewindow.DemoPeople;
import org.onewindow.PlatformClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** A packaged jar started as it is: no demo data, and one administrator with the password the operator chose. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "onewindow.database.ephemeral=true",
        "onewindow.demo-data=false",
        "onewindow.admin.password=operator-chose-this-one",
        "onewindow.pii.key=MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE="
})
class WithoutDemoDataTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FirstAdministrator firstAdministrator;

    @Test
    void aPackagedJarWithoutDemoDataHasNoDemoAccounts() {
        PlatformClient anonymous = new PlatformClient(port);
        assertThat(anonymous.as("zhangsan", DemoPeople.PASSWORD).get("/api/v1/identity/me").status()).isEqualTo(401);
        assertThat(anonymous.as("admin", DemoPeople.PASSWORD).get("/api/v1/identity/me").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from account").query(Integer.class).single()).isEqualTo(1);
        // the organization is reference data, there without the demo
        assertThat(jdbc.sql("select count(*) from region").query(Integer.class).single()).isGreaterThan(10);
        assertThat(anonymous.get("/login").body()).doesNotContain("demo1234");

        var admin = anonymous.as("admin", "operator-chose-this-one").get("/api/v1/identity/me");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body()).contains("ADMINISTRATOR");
    }

    @Test
    void theFirstAdministratorIsCreatedOnceNotAtEveryStart() throws Exception {
        firstAdministrator.run(null);
        assertThat(jdbc.sql("select count(*) from account_role where role = 'ADMINISTRATOR'").query(Integer.class).single()).isEqualTo(1);
    }
}
