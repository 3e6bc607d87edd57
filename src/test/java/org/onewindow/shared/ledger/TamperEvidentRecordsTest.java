package org.onewindow.shared.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.DemoCases;
import org.onewindow.DemoPeople;
import org.onewindow.IntegrationTest;
import org.onewindow.shared.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.context.ApplicationContext;
import org.onewindow.shared.database.OwnerConnection;
import tools.jackson.databind.JsonNode;

/**
 * Someone who owns the tables (a database administrator, an attacker with the owner's password)
 * changes, deletes and moves rows of the audit trail and the timelines, bypassing the triggers;
 * the verification names the chain, the row and what is wrong. Every tampering is undone at the
 * end of its test, because all integration tests share one database.
 */
@IntegrationTest
class TamperEvidentRecordsTest {

    private static final String SHOP = "{\"shopName\": \"账本面馆\", \"businessScope\": \"面食\", \"organizationForm\": \"FAMILY\"}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    AuditTrail audit;
    @Autowired
    HashChains chains;
    @Autowired
    ChainSeals seals;
    DemoPeople people;

    @BeforeEach
    void connect() {
        people = DemoPeople.at(port);
    }

    @Test
    void untouchedChainsVerifyAndTheirHeadsGetSigned() {
        DemoCases.of(people).submitted(people.zhangsan(), "MR-002", SHOP);
        seals.sealHeads();
        JsonNode verification = verificationAsSupervisor();
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        JsonNode timeline = chain(verification, "timeline");
        assertThat(timeline.path("rows").asLong()).isPositive();
        assertThat(timeline.path("sealedUpTo").asLong()).isEqualTo(timeline.path("headPosition").asLong());
    }

    @Test
    void aChangedAuditRowIsNamedByTheVerification() {
        audit.record("clerk.xihu", "test.tampering", "zhangsan", "what really happened");
        long id = jdbc.sql("select max(id) from audit_event").query(Long.class).single();
        assertThat(chains.verify("audit").intact()).isTrue();

        asOwner(owner -> owner.update("update audit_event set detail = 'something else' where id = ?", id));
        try {
            assertThat(chains.verify("audit").findings()).singleElement().satisfies(finding -> {
                assertThat(finding.kind()).isEqualTo(ChainReport.Kind.CHANGED);
                assertThat(finding.rowId()).isEqualTo(id);
            });
            JsonNode audited = chain(verificationAsSupervisor(), "audit");
            assertThat(audited.path("findings").path(0).path("rowId").asLong()).isEqualTo(id);
            assertThat(audited.path("findings").path(0).path("description").asString()).contains("audit_event row " + id);
        } finally {
            asOwner(owner -> owner.update("update audit_event set detail = 'what really happened' where id = ?", id));
        }
        assertThat(chains.verify("audit").intact()).isTrue();
    }

    @Test
    void aDeletedTimelineRowIsDetected() {
        String number = DemoCases.of(people).accepted(people.zhangsan(), "MR-002", SHOP);
        List<Map<String, Object>> steps = steps(number);
        Map<String, Object> deleted = steps.get(1);
        long position = (Long) deleted.get("chain_seq");
        String saved = jdbc.sql("select row_to_json(s)::text from application_step s where id = :id").param("id", deleted.get("id"))
                .query(String.class).single();

        asOwner(owner -> owner.update("delete from application_step where id = ?", deleted.get("id")));
        try {
            assertThat(chains.verify("timeline").findings()).anySatisfy(finding -> {
                assertThat(finding.kind()).isEqualTo(ChainReport.Kind.MISSING);
                assertThat(finding.position()).isEqualTo(position);
                assertThat(finding.description()).contains("row " + steps.get(0).get("id") + " and row " + steps.get(2).get("id"));
            });
        } finally {
            asOwner(owner -> owner.update("""
                    insert into application_step (id, application_id, at, actor, step, state_after, reasons, chain_seq, prev_hash, row_hash)
                    overriding system value
                    select id, application_id, at, actor, step, state_after, reasons, chain_seq, prev_hash, row_hash
                    from json_populate_record(null::application_step, cast(? as json))""", saved));
        }
        assertThat(chains.verify("timeline").intact()).isTrue();
    }

    @Test
    void aReorderedRowIsDetected() {
        String number = DemoCases.of(people).accepted(people.zhangsan(), "MR-002", SHOP);
        List<Map<String, Object>> steps = steps(number);
        long first = (Long) steps.get(0).get("chain_seq");
        long second = (Long) steps.get(1).get("chain_seq");
        assertThat(second).isEqualTo(first + 1);

        swapPositions(first, second);
        try {
            assertThat(chains.verify("timeline").findings()).anySatisfy(finding -> {
                assertThat(finding.kind()).isEqualTo(ChainReport.Kind.REORDERED);
                assertThat(finding.rowId()).isEqualTo(steps.get(1).get("id"));
                assertThat(finding.position()).isEqualTo(first);
            });
            // and the case's timeline, shown in the chain's order, now says the accepted step came first
            assertThat(people.zhangsan().get("/api/v1/casework/applications/" + number).json().path("timeline").path(0)
                    .path("step").asString()).isEqualTo(steps.get(1).get("step"));
        } finally {
            swapPositions(first, second);
        }
        assertThat(chains.verify("timeline").intact()).isTrue();
    }

    @Test
    void aSignedHeadThatNoLongerMatchesItsRowIsNamed() {
        audit.record("clerk.xihu", "test.sealed", "zhangsan", "sealed");
        seals.sealHeads();
        long id = jdbc.sql("select max(id) from audit_event").query(Long.class).single();
        byte[] hash = jdbc.sql("select row_hash from audit_event where id = :id").param("id", id).query(byte[].class).single();

        // rewritten content with a hash that fits it: only the signed head can tell
        asOwner(owner -> owner.update("update audit_event set row_hash = sha256(row_hash) where id = ?", id));
        try {
            assertThat(chains.verify("audit").findings()).anySatisfy(finding -> {
                assertThat(finding.kind()).isEqualTo(ChainReport.Kind.SEAL_MISMATCH);
                assertThat(finding.rowId()).isEqualTo(id);
            });
        } finally {
            asOwner(owner -> owner.update("update audit_event set row_hash = ? where id = ?", hash, id));
        }
        assertThat(chains.verify("audit").intact()).isTrue();
    }

    @Test
    void aForgedSealIsNamed() {
        audit.record("clerk.xihu", "test.forged-seal", "zhangsan", "forged");
        long seq = jdbc.sql("select head_seq from ledger_chain where chain = 'audit'").query(Long.class).single();
        asOwner(owner -> owner.update("""
                insert into ledger_seal (chain, seq, head_hash, sealed_at, key_id, signature)
                select chain, head_seq, head_hash, now(), 'someone-elses-key', '\\x00' from ledger_chain where chain = 'audit'"""));
        try {
            assertThat(chains.verify("audit").findings()).anySatisfy(finding -> {
                assertThat(finding.kind()).isEqualTo(ChainReport.Kind.SEAL_FORGED);
                assertThat(finding.position()).isEqualTo(seq);
            });
        } finally {
            asOwner(owner -> owner.update("delete from ledger_seal where key_id = 'someone-elses-key'"));
        }
    }

    @Test
    void theApplicationCannotUpdateOrDeleteAuditRows() {
        audit.record("clerk.xihu", "test.append-only", "zhangsan", "kept");
        assertThatThrownBy(() -> jdbc.sql("update audit_event set detail = 'gone' where action = 'test.append-only'").update())
                .rootCause().satisfies(TamperEvidentRecordsTest::refusedAsAppendOnly);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where action = 'test.append-only'").update())
                .rootCause().satisfies(TamperEvidentRecordsTest::refusedAsAppendOnly);
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update()).rootCause().satisfies(TamperEvidentRecordsTest::refusedAsAppendOnly);
        assertThatThrownBy(() -> jdbc.sql("delete from application_step").update()).rootCause().satisfies(TamperEvidentRecordsTest::refusedAsAppendOnly);
        assertThatThrownBy(() -> jdbc.sql("update application_step set actor = 'nobody'").update())
                .rootCause().satisfies(TamperEvidentRecordsTest::refusedAsAppendOnly);
        assertThatThrownBy(() -> jdbc.sql("delete from ledger_seal").update()).rootCause().satisfies(TamperEvidentRecordsTest::refusedAsAppendOnly);
        assertThat(jdbc.sql("select detail from audit_event where action = 'test.append-only'").query(String.class).single())
                .isEqualTo("kept");
    }

    @Test
    void onlySupervisorsSeeTheVerification() {
        assertThat(people.zhangsan().get("/api/v1/audit/verification").status()).isEqualTo(403);
        assertThat(people.xihuClerk().get("/api/v1/audit/verification").status()).isEqualTo(403);
        assertThat(people.anonymous().get("/api/v1/audit/verification").status()).isEqualTo(401);
    }

    private JsonNode verificationAsSupervisor() {
        var answer = people.hangzhouSupervisor().get("/api/v1/audit/verification");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode chain(JsonNode verification, String name) {
        for (JsonNode chain : verification.path("chains")) {
            if (chain.path("chain").asString().equals(name)) {
                return chain;
            }
        }
        throw new AssertionError("no chain " + name + " in " + verification);
    }

    private List<Map<String, Object>> steps(String number) {
        return jdbc.sql("""
                select s.id, s.chain_seq, s.step from application_step s join application a on a.id = s.application_id
                where a.number = :n order by s.chain_seq""").param("n", number).query().listOfRows();
    }

    /** As the tables' owner, with the triggers off for this session: what the triggers cannot stop. */
    private void asOwner(Consumer<JdbcTemplate> tampering) {
        // as the owner: the platform's own role may neither change the rows nor switch the triggers off
        try (var connection = OwnerConnection.open(context)) {
            var owner = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            owner.execute("set session_replication_role = replica");
            try {
                tampering.accept(owner);
            } finally {
                owner.execute("set session_replication_role = origin");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void swapPositions(long first, long second) {
        asOwner(owner -> {
            owner.update("update application_step set chain_seq = -1 where chain_seq = ?", first);
            owner.update("update application_step set chain_seq = ? where chain_seq = ?", first, second);
            owner.update("update application_step set chain_seq = ? where chain_seq = -1", second);
        });
    }

    /** The platform's role lacks the grant (permission denied); a role that had it would meet the trigger (append-only). */
    private static void refusedAsAppendOnly(Throwable refusal) {
        assertThat(refusal.getMessage()).containsAnyOf("permission denied", "append-only");
    }
}
