package org.onewindow.shared.ledger;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar onewindow.jar --verify-records}: verifies every chained log, prints what it
 * found and exits, 0 when every chain is intact, 1 otherwise. Runs after everything else started
 * (migrations included), so it checks the database the platform would use.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RecordsVerificationCommand implements ApplicationRunner {

    private final HashChains chains;
    private final SealingKey key;
    private final ConfigurableApplicationContext context;

    RecordsVerificationCommand(HashChains chains, SealingKey key, ConfigurableApplicationContext context) {
        this.chains = chains;
        this.key = key;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("verify-records")) {
            return;
        }
        List<ChainReport> reports = chains.verifyAll();
        System.out.println(describe(reports, key.id()));
        boolean intact = reports.stream().allMatch(ChainReport::intact);
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> intact ? 0 : 1));
    }

    static String describe(List<ChainReport> reports, String keyId) {
        StringBuilder out = new StringBuilder("Verification of the chained records (signed heads checked with key ")
                .append(keyId).append(")\n");
        for (ChainReport report : reports) {
            out.append(report.intact() ? "INTACT " : "BROKEN ").append(report.chain()).append(" (").append(report.table()).append("): ")
                    .append(report.rows()).append(" rows, head at ").append(report.headPosition()).append(", signed up to ")
                    .append(report.sealedUpTo()).append('\n');
            report.findings().forEach(f -> out.append("  ").append(f.kind()).append(" row ").append(f.rowId() == null ? "-" : f.rowId())
                    .append(" position ").append(f.position()).append(": ").append(f.description()).append('\n'));
        }
        return out.toString();
    }
}
