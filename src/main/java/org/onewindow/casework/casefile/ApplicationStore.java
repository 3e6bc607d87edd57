package org.onewindow.casework.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.FiredRule;
import org.onewindow.casework.InstantDecision;
import org.onewindow.casework.MaterialSummary;
import org.onewindow.casework.TimelineEntry;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.onewindow.catalog.LocalizedText;
import org.onewindow.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application aggregate's table and its timeline. Updates check the version read, so two
 * clerks cannot overwrite each other; the due and at-risk dates and the facts of a decision are
 * stored with every change, from the working calendar the change was made under.
 */
@Repository
public class ApplicationStore {

    private static final TypeReference<List<FiredRule>> FIRED_RULES = new TypeReference<>() {
    };
    private static final TypeReference<List<TimelineEntry>> STEPS = new TypeReference<>() {
    };
    private static final TypeReference<List<MaterialSummary>> DOCUMENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<LocalizedText>> REASONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationRows rows;

    ApplicationStore(JdbcClient jdbc, JsonMapper json, ApplicationRows rows) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = rows;
    }

    public long nextNumber() {
        return jdbc.sql("select nextval('application_number_seq')").query(Long.class).single();
    }

    public void insert(Application a, String idempotencyKey, UUID bundleId, WorkingDayCalendar calendar) {
        DecisionFacts.of(a, calendar).bind(jdbc.sql("""
                insert into application (id, number, item_code, item_version, region_code, applicant, submitted_by, channel, state,
                    form, promised_days, accepted_on, due_on, at_risk_on, idempotency_key, bundle_id,
                    decided_on, decided_by, decision_working_days, decided_on_time)
                values (:id, :number, :item, :itemVersion, :region, :applicant, :submittedBy, :channel, :state,
                    cast(:form as jsonb), :promisedDays, :acceptedOn, :dueOn, :atRiskOn, :key, :bundle,
                    :decidedOn, :decidedBy, :decisionWorkingDays, :decidedOnTime)"""))
                .param("bundle", bundleId).param("acceptedOn", ApplicationRows.date(a.acceptedOn()))
                .param("dueOn", ApplicationRows.date(a.timeLimit().dueOn(calendar))).param("atRiskOn", ApplicationRows.date(a.timeLimit().atRiskOn(calendar)))
                .param("id", a.id()).param("number", a.number()).param("item", a.itemCode()).param("itemVersion", a.itemVersion())
                .param("region", a.regionCode()).param("applicant", a.applicant()).param("submittedBy", a.submittedBy())
                .param("channel", a.channel().name()).param("state", a.state().name()).param("form", json.writeValueAsString(a.form()))
                .param("promisedDays", a.promisedDays()).param("key", idempotencyKey)
                .update();
        appendSteps(a);
    }

    public void update(Application a, WorkingDayCalendar calendar) {
        // the facts of a decision are written once, the day it is made
        int updated = DecisionFacts.of(a, calendar).bind(jdbc.sql("""
                update application set state = :state, form = cast(:form as jsonb), accepted_on = :acceptedOn,
                    paused_since = :pausedSince, paused_working_days = :paused, due_on = :dueOn, at_risk_on = :atRiskOn,
                    decided_on = coalesce(decided_on, :decidedOn), decided_by = coalesce(decided_by, :decidedBy),
                    decision_working_days = coalesce(decision_working_days, :decisionWorkingDays),
                    decided_on_time = coalesce(decided_on_time, :decidedOnTime),
                    version = version + 1, updated_at = now()
                where id = :id and version = :version"""))
                .param("dueOn", ApplicationRows.date(a.timeLimit().dueOn(calendar))).param("atRiskOn", ApplicationRows.date(a.timeLimit().atRiskOn(calendar)))
                .param("id", a.id()).param("version", a.version()).param("state", a.state().name())
                .param("form", json.writeValueAsString(a.form())).param("acceptedOn", ApplicationRows.date(a.acceptedOn()))
                .param("pausedSince", ApplicationRows.date(a.pausedSince())).param("paused", a.pausedWorkingDays())
                .update();
        if (updated != 1) {
            throw new ConflictException("application.changed-meanwhile", a.number());
        }
        appendSteps(a);
    }

    public Optional<Application> findByNumber(String number) {
        return jdbc.sql("select * from application where number = :number").param("number", number).query(rows).optional();
    }

    public Optional<Application> findByIdempotencyKey(String submittedBy, String key) {
        return jdbc.sql("select * from application where submitted_by = :by and idempotency_key = :key")
                .param("by", submittedBy).param("key", key).query(rows).optional();
    }

    /** Keeps the hash of the request that created the application, beside its Idempotency-Key. */
    public void recordFingerprint(UUID id, String fingerprint) {
        jdbc.sql("update application set request_fingerprint = :fingerprint where id = :id")
                .param("fingerprint", fingerprint).param("id", id).update();
    }

    public Optional<String> fingerprintOf(UUID id) {
        return jdbc.sql("select request_fingerprint from application where id = :id").param("id", id).query(String.class).optional();
    }

    public List<Application> findByNumbers(Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from application where number in (:numbers)").param("numbers", numbers).query(rows).list();
    }

    /** The items whose results (licences, certificates) the person already holds on the platform. */
    public List<String> heldResults(String applicant) {
        return jdbc.sql("select distinct item_code from application where applicant = :a and state in ('APPROVED', 'DELIVERED', 'CLOSED')")
                .param("a", applicant).query(String.class).list();
    }

    /**
     * An application with everything its status page shows (documents, timeline, the rules'
     * decision) in one round trip: the status look-up is the most frequent read of the platform.
     */
    public Optional<CaseRecord> findCase(String number) {
        return jdbc.sql("""
                select a.*,
                    (select coalesce(json_agg(json_build_object('at', s.at, 'actor', s.actor, 'step', s.step, 'stateAfter', s.state_after,
                            'reasons', s.reasons) order by s.chain_seq), '[]')
                     from application_step s where s.application_id = a.id) as steps,
                    (select coalesce(json_agg(json_build_object('materialCode', m.material_code, 'fileName', m.file_name,
                            'contentType', m.content_type, 'sizeBytes', m.size_bytes, 'sha256', m.sha256, 'uploadedAt', m.uploaded_at)
                            order by m.uploaded_at, m.file_name), '[]')
                     from application_material m where m.application_id = a.id) as documents,
                    d.table_key, d.table_version, d.inputs as decision_inputs, d.fired_rules, d.outcome
                from application a left join automatic_decision d on d.application_id = a.id
                where a.number = :number""")
                .param("number", number)
                .query((rs, n) -> new CaseRecord(rows.mapRow(rs, n),
                        json.readValue(rs.getString("documents"), DOCUMENTS),
                        json.readValue(rs.getString("steps"), STEPS),
                        rs.getString("table_key") == null ? null : new InstantDecision(rs.getString("table_key"),
                                rs.getString("table_version"), json.readValue(rs.getString("decision_inputs"), ApplicationRows.FORM),
                                json.readValue(rs.getString("fired_rules"), FIRED_RULES),
                                InstantDecision.Outcome.valueOf(rs.getString("outcome")))))
                .optional();
    }

    /** An application and what its status page shows. */
    public record CaseRecord(Application application, List<MaterialSummary> materials, List<TimelineEntry> timeline,
                             InstantDecision automaticDecision) {
    }

    public void insertAutomaticDecision(Application a, InstantDecision decision, Instant at) {
        jdbc.sql("""
                insert into automatic_decision (application_id, table_key, table_version, inputs, fired_rules, outcome, decided_at)
                values (:id, :key, :version, cast(:inputs as jsonb), cast(:rules as jsonb), :outcome, :at)""")
                .param("id", a.id()).param("key", decision.tableKey()).param("version", decision.tableVersion())
                .param("inputs", json.writeValueAsString(decision.inputs())).param("rules", json.writeValueAsString(decision.firedRules()))
                .param("outcome", decision.outcome().name()).param("at", Timestamp.from(at))
                .update();
    }

    Optional<InstantDecision> automaticDecision(Application a) {
        return jdbc.sql("select table_key, table_version, inputs, fired_rules, outcome from automatic_decision where application_id = :id")
                .param("id", a.id())
                .query((rs, n) -> new InstantDecision(rs.getString("table_key"), rs.getString("table_version"),
                        json.readValue(rs.getString("inputs"), ApplicationRows.FORM), json.readValue(rs.getString("fired_rules"), FIRED_RULES),
                        InstantDecision.Outcome.valueOf(rs.getString("outcome"))))
                .optional();
    }

    /** Who took any of these steps of a case, as its stored timeline has them. */
    Set<String> actorsOf(Application a, Set<String> steps) {
        return Set.copyOf(jdbc.sql("select distinct actor from application_step where application_id = :id and step = any(cast(:steps as text[]))")
                .param("id", a.id()).param("steps", steps.toArray(String[]::new))
                .query(String.class).list());
    }

    /** Whether someone took a step of a case (any step). */
    boolean tookAStep(Application a, String actor) {
        return jdbc.sql("select exists (select 1 from application_step where application_id = :id and actor = :actor)")
                .param("id", a.id()).param("actor", actor).query(Boolean.class).single();
    }

    List<TimelineEntry> timeline(Application a) {
        return jdbc.sql("select at, actor, step, state_after, reasons from application_step where application_id = :id order by chain_seq")
                .param("id", a.id())
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("step"),
                        ApplicationState.valueOf(rs.getString("state_after")), json.readValue(rs.getString("reasons"), REASONS)))
                .list();
    }

    List<MaterialSummary> materials(Application a) {
        return jdbc.sql("""
                select material_code, file_name, content_type, size_bytes, sha256, uploaded_at from application_material
                where application_id = :id order by uploaded_at, file_name""")
                .param("id", a.id())
                .query((rs, n) -> new MaterialSummary(rs.getString("material_code"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    /** The steps taken since the application was loaded, in one statement, in the order they were taken. */
    private void appendSteps(Application a) {
        List<TimelineEntry> steps = a.newSteps();
        if (steps.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into application_step (application_id, at, actor, step, state_after, reasons)
                select :id, cast(s.at as timestamptz), s.actor, s.step, s.state, cast(s.reasons as jsonb)
                from unnest(cast(:ats as text[]), cast(:actors as text[]), cast(:steps as text[]), cast(:states as text[]),
                            cast(:reasons as text[])) with ordinality as s(at, actor, step, state, reasons, n)
                order by s.n""")
                .param("id", a.id())
                .param("ats", steps.stream().map(step -> step.at().toString()).toArray(String[]::new))
                .param("actors", steps.stream().map(TimelineEntry::actor).toArray(String[]::new))
                .param("steps", steps.stream().map(TimelineEntry::step).toArray(String[]::new))
                .param("states", steps.stream().map(step -> step.stateAfter().name()).toArray(String[]::new))
                .param("reasons", steps.stream().map(step -> json.writeValueAsString(step.reasons())).toArray(String[]::new))
                .update();
    }
}
