-- Every stored reason in both languages. Until now a step's reasons were plain strings, the
-- platform's own in Chinese only. From now on each reason is {"zh": ..., "en": ...}: the
-- platform's words in both, a person's words as they wrote them in both fields. Earlier steps are
-- rewritten once: the platform's fixed phrases and the explanations of decision-table rules
-- (kept in both languages with each automatic decision) get their English; anything else a
-- person wrote is kept as it is in both.
update application_step s set reasons = (
    select coalesce(jsonb_agg(
        case when jsonb_typeof(r.value) = 'string' then jsonb_build_object(
            'zh', r.value #>> '{}',
            'en', coalesce(
                case r.value #>> '{}'
                    when '同意' then 'Agree'
                    when '不同意' then 'Disagree'
                    when '没有一条即时办结规则适用，由工作人员审查。'
                        then 'No instant-approval rule applied, so a member of staff checks the application.'
                end,
                (select nullif(f.value #>> '{explanation,en}', '')
                 from automatic_decision d, jsonb_array_elements(d.fired_rules) f
                 where d.application_id = s.application_id and f.value #>> '{explanation,zh}' = r.value #>> '{}'
                 limit 1),
                r.value #>> '{}'))
        else r.value end
        order by r.n), '[]'::jsonb)
    from jsonb_array_elements(s.reasons) with ordinality as r(value, n))
where exists (select 1 from jsonb_array_elements(s.reasons) e where jsonb_typeof(e) = 'string');
