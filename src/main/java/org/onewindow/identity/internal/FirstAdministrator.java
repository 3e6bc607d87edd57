package org.onewindow.identity.internal;

import java.security.SecureRandom;
import java.util.EnumSet;
import org.onewindow.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Without the demo, nobody could sign in to a new platform: at the first start an administrator
 * of the province is created, with the password the operator gave ({@code onewindow.admin.password},
 * checked like any other) or a generated one written once to the log. Once any administrator
 * exists nothing happens, so a restart never prints a password again.
 */
@Component
@Order(11)
@ConditionalOnBooleanProperty(name = "onewindow.demo-data", havingValue = false, matchIfMissing = true)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountStore accounts;
    private final JdbcClient jdbc;
    private final String username;
    private final String password;
    private final String regionCode;

    FirstAdministrator(AccountStore accounts, JdbcClient jdbc, @Value("${onewindow.admin.username:admin}") String username,
                       @Value("${onewindow.admin.password:}") String password,
                       @Value("${onewindow.admin.region:}") String regionCode) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.username = username;
        this.password = password;
        this.regionCode = regionCode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (administratorExists()) {
            return;
        }
        boolean generated = password.isBlank();
        String chosen = generated ? generated() : NewPassword.checked(password);
        try {
            accounts.addStaff(username, accounts.hash(chosen), "管理员", region(), null, EnumSet.of(Role.ADMINISTRATOR));
        } catch (DuplicateKeyException | org.onewindow.shared.ConflictException anotherNodeWasFirst) {
            return;
        }
        if (generated) {
            log.warn("Created the first administrator '{}' with the generated password {} (shown this once: sign in and "
                    + "keep it safe, or start with ONEWINDOW_ADMIN_PASSWORD set)", username, chosen);
        } else {
            log.info("Created the first administrator '{}' with the password from onewindow.admin.password", username);
        }
    }

    private boolean administratorExists() {
        return jdbc.sql("select count(*) from account_role where role = 'ADMINISTRATOR'").query(Integer.class).single() > 0;
    }

    private String region() {
        if (!regionCode.isBlank()) {
            return regionCode;
        }
        return jdbc.sql("select code from region where parent_code is null order by code limit 1").query(String.class).single();
    }

    private static String generated() {
        SecureRandom random = new SecureRandom();
        StringBuilder chosen = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            chosen.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return chosen.toString();
    }
}
