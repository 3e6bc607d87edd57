package org.onewindow.casework.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.onewindow.casework.ApplicationState;
import org.onewindow.casework.MaterialSummary;
import org.onewindow.casework.SubmissionChannel;
import org.onewindow.casework.TimelineEntry;
import org.onewindow.casework.WorkingCalendar;
import org.onewindow.casework.FiredRule;
import org.onewindow.casework.InstantDecision;
import org.onewindow.casework.model.Application;
import org.onewindow.casework.model.MaterialFile;
import org.onewindow.casework.model.WorkingDayCalendar;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.GovernmentTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The casework tables. Updates check the version read, so two clerks cannot overwrite each other. */
@Repository
public class ApplicationRepository {

    private static final TypeReference<Map<String, Object>> FORM = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<List<FiredRule>> FIRED_RULES = new TypeReference<>() {
    };
    private static final TypeReference<List<TimelineEntry>> STEPS = new TypeReference<>() {
    };
    private static final TypeReference<List<MaterialSummary>> DOCUMENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final WorkingCalendar calendar;

    ApplicationRepository(JdbcClient jdbc, JsonMapper json, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.json = json;
        this.calendar = calendar;
    }

    public long nextNumber() {
        return jdbc.sql("select nextval('application_number_seq')").query(Long.class).single();
    }

    public void insert(Application a, String idempotencyKey) {
        insert(a, idempotencyKey, null);
    }

    public void insert(Application a, String idempotencyKey, java.util.UUID bundleId) {
        DecisionFacts.of(a, calendar.current()).bind(jdbc.sql("""
                insert into application (id, number, item_code, item_version, region_code, applicant, submitted_by, channel, state,
                    form, promised_days, accepted_on, due_on, at_risk_on, idempotency_key, bundle_id,
                    decided_on, decided_by, decision_working_days, decided_on_time)
                values (:id, :number, :item, :itemVersion, :region, :applicant, :submittedBy, :channel, :state,
                    cast(:form as jsonb), :promisedDays, :acceptedOn, :dueOn, :atRiskOn, :key, :bundle,
                    :decidedOn, :decidedBy, :decisionWorkingDays, :decidedOnTime)"""))
                .param("bundle", bundleId).param("acceptedOn", date(a.acceptedOn()))
                .param("dueOn", date(a.dueOn(calendar.current()))).param("atRiskOn", date(a.atRiskOn(calendar.current())))
                .param("id", a.id()).param("number", a.number()).param("item", a.itemCode()).param("itemVersion", a.itemVersion())
                .param("region", a.regionCode()).param("applicant", a.applicant()).param("submittedBy", a.submittedBy())
                .param("channel", a.channel().name()).param("state", a.state().name()).param("form", json.writeValueAsString(a.form()))
                .param("promisedDays", a.promisedDays()).param("key", idempotencyKey)
                .update();
        appendSteps(a);
    }

    public void update(Application a) {
        // the facts of a decision are written once, the day it is made
        int updated = DecisionFacts.of(a, calendar.current()).bind(jdbc.sql("""
                update application set state = :state, form = cast(:form as jsonb), accepted_on = :acceptedOn,
                    paused_since = :pausedSince, paused_working_days = :paused, due_on = :dueOn, at_risk_on = :atRiskOn,
                    decided_on = coalesce(decided_on, :decidedOn), decided_by = coalesce(decided_by, :decidedBy),
                    decision_working_days = coalesce(decision_working_days, :decisionWorkingDays),
                    decided_on_time = coalesce(decided_on_time, :decidedOnTime),
                    version = version + 1, updated_at = now()
                where id = :id and version = :version"""))
                .param("dueOn", date(a.dueOn(calendar.current()))).param("atRiskOn", date(a.atRiskOn(calendar.current())))
                .param("id", a.id()).param("version", a.version()).param("state", a.state().name())
                .param("form", json.writeValueAsString(a.form())).param("acceptedOn", date(a.acceptedOn()))
                .param("pausedSince", date(a.pausedSince())).param("paused", a.pausedWorkingDays())
                .update();
        if (updated != 1) {
            throw new ConflictException("application.changed-meanwhile", a.number());
        }
        appendSteps(a);
    }

    public Optional<Application> findByNumber(String number) {
        return jdbc.sql("select * from application where number = :number").param("number", number).query(this::application).optional();
    }

    /**
     * An application with everything its status page shows (documents, timeline, the rules'
     * decision) in one round trip: the status look-up is the most frequent read of the platform.
     */
    public Optional<CaseRecord> findCase(String number) {
        return jdbc.sql("""
                select a.*,
                    (select coalesce(json_agg(json_build_object('at', s.at, 'actor', s.actor, 'step', s.step, 'stateAfter', s.state_after,
                            'reasons', s.reasons) order by s.id), '[]')
                     from application_step s where s.application_id = a.id) as steps,
                    (select coalesce(json_agg(json_build_object('materialCode', m.material_code, 'fileName', m.file_name,
                            'contentType', m.content_type, 'sizeBytes', m.size_bytes, 'sha256', m.sha256, 'uploadedAt', m.uploaded_at)
                            order by m.uploaded_at, m.file_name), '[]')
                     from application_material m where m.application_id = a.id) as documents,
                    d.table_key, d.table_version, d.inputs as decision_inputs, d.fired_rules, d.outcome
                from application a left join automatic_decision d on d.application_id = a.id
                where a.number = :number""")
                .param("number", number)
                .query((rs, n) -> new CaseRecord(application(rs, n),
                        json.readValue(rs.getString("documents"), DOCUMENTS),
                        json.readValue(rs.getString("steps"), STEPS),
                        rs.getString("table_key") == null ? null : new InstantDecision(rs.getString("table_key"),
                                rs.getString("table_version"), json.readValue(rs.getString("decision_inputs"), FORM),
                                json.readValue(rs.getString("fired_rules"), FIRED_RULES),
                                InstantDecision.Outcome.valueOf(rs.getString("outcome")))))
                .optional();
    }

    /** An application and what its status page shows. */
    public record CaseRecord(Application application, List<MaterialSummary> materials, List<TimelineEntry> timeline,
                             InstantDecision automaticDecision) {
    }

    public Optional<Application> findByIdempotencyKey(String submittedBy, String key) {
        return jdbc.sql("select * from application where submitted_by = :by and idempotency_key = :key")
                .param("by", submittedBy).param("key", key).query(this::application).optional();
    }

    public List<Application> findByNumbers(java.util.Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from application where number in (:numbers)").param("numbers", numbers).query(this::application).list();
    }

    /** The items whose results (licences, certificates) the person already holds on the platform. */
    public List<String> heldResults(String applicant) {
        return jdbc.sql("select distinct item_code from application where applicant = :a and state in ('APPROVED', 'DELIVERED', 'CLOSED')")
                .param("a", applicant).query(String.class).list();
    }

    public void insertAutomaticDecision(Application a, InstantDecision decision, java.time.Instant at) {
        jdbc.sql("""
                insert into automatic_decision (application_id, table_key, table_version, inputs, fired_rules, outcome, decided_at)
                values (:id, :key, :version, cast(:inputs as jsonb), cast(:rules as jsonb), :outcome, :at)""")
                .param("id", a.id()).param("key", decision.tableKey()).param("version", decision.tableVersion())
                .param("inputs", json.writeValueAsString(decision.inputs())).param("rules", json.writeValueAsString(decision.firedRules()))
                .param("outcome", decision.outcome().name()).param("at", Timestamp.from(at))
                .update();
    }

    public Optional<InstantDecision> automaticDecision(Application a) {
        return jdbc.sql("select table_key, table_version, inputs, fired_rules, outcome from automatic_decision where application_id = :id")
                .param("id", a.id())
                .query((rs, n) -> new InstantDecision(rs.getString("table_key"), rs.getString("table_version"),
                        json.readValue(rs.getString("inputs"), FORM), json.readValue(rs.getString("fired_rules"), FIRED_RULES),
                        InstantDecision.Outcome.valueOf(rs.getString("outcome"))))
                .optional();
    }

    public List<TimelineEntry> timeline(Application a) {
        return jdbc.sql("select at, actor, step, state_after, reasons from application_step where application_id = :id order by id")
                .param("id", a.id())
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("step"),
                        ApplicationState.valueOf(rs.getString("state_after")), json.readValue(rs.getString("reasons"), REASONS)))
                .list();
    }

    public void insertMaterial(Application a, String materialCode, MaterialFile file, String actor) {
        jdbc.sql("""
                insert into application_material (id, application_id, material_code, file_name, content_type, size_bytes, sha256,
                    content, uploaded_by)
                values (:id, :application, :code, :name, :type, :size, :sha, :content, :actor)""")
                .param("id", java.util.UUID.randomUUID()).param("application", a.id()).param("code", materialCode)
                .param("name", file.fileName()).param("type", file.contentType()).param("size", file.content().length)
                .param("sha", file.sha256()).param("content", file.content()).param("actor", actor)
                .update();
    }

    /**
     * Copies a document of one application to another of the same person, content included, so
     * that each application keeps its own evidence. Empty when the source has no such document.
     */
    public Optional<String> copyMaterial(Application source, String sourceCode, Application target, String targetCode, String actor) {
        return jdbc.sql("""
                insert into application_material (id, application_id, material_code, file_name, content_type, size_bytes, sha256,
                    content, uploaded_by)
                select :id, :target, :code, file_name, content_type, size_bytes, sha256, content, :actor
                from application_material where application_id = :source and material_code = :sourceCode
                order by uploaded_at desc limit 1
                returning file_name""")
                .param("id", java.util.UUID.randomUUID()).param("target", target.id()).param("code", targetCode).param("actor", actor)
                .param("source", source.id()).param("sourceCode", sourceCode)
                .query(String.class).optional();
    }

    /** The documents a person has handed in with any application, newest first: what they need not hand in again. */
    public List<HeldDocument> documentsOf(String applicant) {
        return jdbc.sql("""
                select a.number, m.material_code, m.file_name, m.content_type, m.size_bytes, m.sha256, m.uploaded_at
                from application_material m join application a on a.id = m.application_id
                where a.applicant = :applicant order by m.uploaded_at desc limit 100""")
                .param("applicant", applicant)
                .query((rs, n) -> new HeldDocument(rs.getString("number"), new MaterialSummary(rs.getString("material_code"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                        rs.getTimestamp("uploaded_at").toInstant())))
                .list();
    }

    /** A document held on the platform and the application it came with. */
    public record HeldDocument(String applicationNumber, MaterialSummary document) {
    }

    public List<MaterialSummary> materials(Application a) {
        return jdbc.sql("""
                select material_code, file_name, content_type, size_bytes, sha256, uploaded_at from application_material
                where application_id = :id order by uploaded_at, file_name""")
                .param("id", a.id())
                .query((rs, n) -> new MaterialSummary(rs.getString("material_code"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    /**
     * Applications whose clock runs and that have used three quarters of their time by the given
     * day (overdue ones included), in the regions under the prefix; found by their stored
     * at-risk date, so the number of open applications does not matter.
     */
    public List<Application> atRiskBy(String regionPrefix, LocalDate day) {
        return jdbc.sql("""
                select * from application where state in ('ACCEPTED', 'UNDER_REVIEW') and at_risk_on <= :day
                  and region_code like :p || '%' order by at_risk_on limit 5000""")
                .param("p", regionPrefix).param("day", Date.valueOf(day)).query(this::application).list();
    }

    /**
     * Stores the due and at-risk dates again after the calendar changed (or for rows from before
     * they were stored), reading a thousand applications at a time; answers how many changed.
     */
    public int recomputeDueDates(boolean all) {
        WorkingDayCalendar current = calendar.current();
        int changed = 0;
        // PostgreSQL orders uuids by their unsigned bytes: the all-zero uuid comes first
        java.util.UUID after = new java.util.UUID(0, 0);
        while (true) {
            List<Application> batch = jdbc.sql("""
                    select * from application where accepted_on is not null and state not in ('CLOSED', 'WITHDRAWN', 'NOT_ACCEPTED')
                      and (:all or due_on is null) and id > :after order by id limit 1000""")
                    .param("all", all).param("after", after).query(this::application).list();
            if (batch.isEmpty()) {
                return changed;
            }
            // the whole page in one statement
            changed += jdbc.sql("""
                    update application a set due_on = cast(d.due as date), at_risk_on = cast(d.risk as date)
                    from unnest(cast(:ids as uuid[]), cast(:dues as text[]), cast(:risks as text[])) as d(id, due, risk)
                    where a.id = d.id""")
                    .param("ids", batch.stream().map(Application::id).toArray(java.util.UUID[]::new))
                    .param("dues", batch.stream().map(a -> Objects.toString(a.dueOn(current), null)).toArray(String[]::new))
                    .param("risks", batch.stream().map(a -> Objects.toString(a.atRiskOn(current), null)).toArray(String[]::new))
                    .update();
            after = batch.getLast().id();
        }
    }

    public Map<ApplicationState, Long> countByState(String regionPrefix) {
        Map<ApplicationState, Long> counts = new HashMap<>();
        jdbc.sql("select state, count(*) as n from application where region_code like :p || '%' group by state")
                .param("p", regionPrefix)
                .query(rs -> {
                    counts.put(ApplicationState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    public long countNotAtWindow(String regionPrefix) {
        return jdbc.sql("select count(*) from application where channel <> 'WINDOW' and region_code like :p || '%'")
                .param("p", regionPrefix).query(Long.class).single();
    }

    /** The decisions made in the regions, added up: how many, how many on time, the average working days, how many automatic. */
    public DecisionCounts decisionCounts(String regionPrefix) {
        return jdbc.sql("""
                select count(*) as decided, count(*) filter (where decided_on_time) as on_time,
                       avg(decision_working_days) as working_days, count(*) filter (where decided_by = :automatic) as automatic
                from application where decided_on is not null and region_code like :p || '%'""")
                .param("p", regionPrefix).param("automatic", Application.AUTOMATIC)
                .query((rs, n) -> new DecisionCounts(rs.getLong("decided"), rs.getLong("on_time"),
                        rs.getObject("working_days") == null ? null : rs.getDouble("working_days"), rs.getLong("automatic")))
                .single();
    }

    /** See {@link #decisionCounts}. */
    public record DecisionCounts(long decided, long onTime, Double averageWorkingDays, long automatic) {
    }

    /**
     * The facts of a decision just made, as the indicators count them (all null when the change
     * made none): the day in Beijing time, who made it, the working days the office used and
     * whether that was within the promised time.
     */
    record DecisionFacts(Date decidedOn, String decidedBy, Integer decisionWorkingDays, Boolean decidedOnTime) {

        static DecisionFacts of(Application a, WorkingDayCalendar calendar) {
            return a.newDecision().map(step -> of(a, LocalDate.ofInstant(step.at(), GovernmentTime.ZONE), step.actor(), calendar))
                    .orElse(new DecisionFacts(null, null, null, null));
        }

        static DecisionFacts of(Application a, LocalDate day, String actor, WorkingDayCalendar calendar) {
            return new DecisionFacts(Date.valueOf(day), actor, a.workingDaysUsedBy(day, calendar), !day.isAfter(a.dueOn(calendar)));
        }

        /** Binds :decidedOn, :decidedBy, :decisionWorkingDays and :decidedOnTime. */
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            return statement.param("decidedOn", decidedOn).param("decidedBy", decidedBy)
                    .param("decisionWorkingDays", decisionWorkingDays).param("decidedOnTime", decidedOnTime);
        }
    }

    /**
     * Completes the facts of decisions recorded before they were stored (the day and the actor
     * came from the timeline), a page at a time; answers how many.
     */
    public int completeDecisionFacts() {
        WorkingDayCalendar current = calendar.current();
        int completed = 0;
        java.util.UUID after = new java.util.UUID(0, 0);
        while (true) {
            List<DecisionFacts> facts = new java.util.ArrayList<>();
            List<java.util.UUID> ids = new java.util.ArrayList<>();
            jdbc.sql("""
                    select * from application where decided_on is not null and decided_on_time is null and id > :after
                    order by id limit 1000""")
                    .param("after", after)
                    .query(rs -> {
                        Application a = application(rs, 0);
                        ids.add(a.id());
                        facts.add(DecisionFacts.of(a, rs.getDate("decided_on").toLocalDate(), rs.getString("decided_by"), current));
                    });
            if (ids.isEmpty()) {
                return completed;
            }
            completed += jdbc.sql("""
                    update application a set decision_working_days = f.days, decided_on_time = f.on_time
                    from unnest(cast(:ids as uuid[]), cast(:days as int[]), cast(:onTime as boolean[])) as f(id, days, on_time)
                    where a.id = f.id""")
                    .param("ids", ids.toArray(java.util.UUID[]::new))
                    .param("days", facts.stream().map(DecisionFacts::decisionWorkingDays).toArray(Integer[]::new))
                    .param("onTime", facts.stream().map(DecisionFacts::decidedOnTime).toArray(Boolean[]::new))
                    .update();
            after = ids.getLast();
        }
    }

    public RatingAverage averageRating(String regionPrefix) {
        return jdbc.sql("""
                select count(*) as n, avg(r.score) as average from rating r join application a on a.id = r.application_id
                where a.region_code like :p || '%'""")
                .param("p", regionPrefix)
                .query((rs, n) -> new RatingAverage(rs.getLong("n"), rs.getDouble("average")))
                .single();
    }

    /** How many ratings, and their mean. */
    public record RatingAverage(long count, double average) {
    }

    public void insertBundle(java.util.UUID id, String number, String bundleCode, String applicant, String submittedBy, String key) {
        jdbc.sql("""
                insert into application_bundle (id, number, bundle_code, applicant, submitted_by, idempotency_key)
                values (:id, :number, :code, :applicant, :by, :key)""")
                .param("id", id).param("number", number).param("code", bundleCode).param("applicant", applicant)
                .param("by", submittedBy).param("key", key)
                .update();
    }

    /** A bundle and the numbers of its applications, found by its number or by the key its submission carried. */
    public Optional<BundleRecord> findBundle(String number) {
        return bundle("number = :v", number);
    }

    public Optional<BundleRecord> findBundleByKey(String submittedBy, String key) {
        return jdbc.sql("select number from application_bundle where submitted_by = :by and idempotency_key = :key")
                .param("by", submittedBy).param("key", key).query(String.class).optional().flatMap(this::findBundle);
    }

    private Optional<BundleRecord> bundle(String condition, String value) {
        return jdbc.sql("select id, number, bundle_code, applicant, submitted_by from application_bundle where " + condition)
                .param("v", value)
                .query((rs, n) -> new BundleRecord(rs.getObject("id", java.util.UUID.class), rs.getString("number"),
                        rs.getString("bundle_code"), rs.getString("applicant"), rs.getString("submitted_by"), List.of()))
                .optional()
                .map(b -> new BundleRecord(b.id(), b.number(), b.bundleCode(), b.applicant(), b.submittedBy(),
                        jdbc.sql("select number from application where bundle_id = :id order by number").param("id", b.id())
                                .query(String.class).list()));
    }

    /** A submitted life event and the numbers of the applications it was split into. */
    public record BundleRecord(java.util.UUID id, String number, String bundleCode, String applicant, String submittedBy,
                               List<String> applicationNumbers) {
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

    private Application application(ResultSet rs, int row) throws SQLException {
        return new Application(rs.getObject("id", java.util.UUID.class), rs.getString("number"), rs.getString("item_code"),
                rs.getInt("item_version"), rs.getString("region_code"), rs.getString("applicant"), rs.getString("submitted_by"),
                SubmissionChannel.valueOf(rs.getString("channel")), rs.getInt("promised_days"),
                json.readValue(rs.getString("form"), FORM), ApplicationState.valueOf(rs.getString("state")),
                localDate(rs.getDate("accepted_on")), localDate(rs.getDate("paused_since")), rs.getInt("paused_working_days"),
                rs.getInt("version"));
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
    /** An application with the moment it came in, for lists. */
    public record Listed(Application application, java.time.Instant submittedAt) {
    }

    /** A person's applications, as applicant or as the one who filed them, newest first. */
    public List<Listed> byPerson(String username, int limit) {
        return jdbc.sql("""
                select * from application where applicant = :u or submitted_by = :u
                order by created_at desc, number desc limit :limit""")
                .param("u", username).param("limit", limit)
                .query((rs, n) -> new Listed(application(rs, n), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /**
     * Applications in the regions under the prefix that are in one of the states, optionally only
     * for some items (null: every item), oldest first.
     */
    public List<Listed> openInRegion(String regionPrefix, java.util.Collection<ApplicationState> states,
                                     java.util.Collection<String> itemCodes, int limit) {
        if (states.isEmpty() || (itemCodes != null && itemCodes.isEmpty())) {
            return List.of();
        }
        String forItems = itemCodes == null ? "" : " and item_code in (:items)";
        var query = jdbc.sql("select * from application where region_code like :p || '%' and state in (:states)" + forItems
                        + " order by created_at, number limit :limit")
                .param("p", regionPrefix)
                .param("states", states.stream().map(Enum::name).toList())
                .param("limit", limit);
        if (itemCodes != null) {
            query = query.param("items", List.copyOf(itemCodes));
        }
        return query.query((rs, n) -> new Listed(application(rs, n), rs.getTimestamp("created_at").toInstant())).list();
    }
}
