package org.onewindow.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.Channel;
import org.onewindow.catalog.Faq;
import org.onewindow.catalog.FormField;
import org.onewindow.catalog.ItemCategory;
import org.onewindow.catalog.ItemStandard;
import org.onewindow.catalog.Material;
import org.onewindow.catalog.MaterialSource;
import org.onewindow.identity.AdministrativeLevel;
import org.onewindow.shared.RuleViolationException.Violation;

/**
 * The structured item editor's form as the browser sends it back: every field as typed (numbers
 * too, so that a refused "12a" is shown again as "12a"), rows of materials, questions and
 * answers that grow and shrink by buttons. It becomes an {@link ItemStandard} only when it is
 * read; what cannot be read is named field by field like a broken rule.
 */
public class ItemForm {

    private String code = "";
    private BilingualText name = new BilingualText();
    private BilingualText description = new BilingualText();
    private String category = "";
    private String audience = "";
    private String department = "";
    private String level = "";
    private BilingualText legalBasis = new BilingualText();
    private BilingualText conditions = new BilingualText();
    private List<MaterialRow> materials = new ArrayList<>();
    private String statutoryDays = "";
    private String promisedDays = "";
    private String feeYuan = "0";
    private BilingualText feeNote = new BilingualText();
    private List<String> channels = new ArrayList<>();
    private String visits = "0";
    private boolean crossProvince;
    private String keywordsZh = "";
    private String keywordsEn = "";
    private List<FaqRow> faq = new ArrayList<>();
    private List<QuestionRow> form = new ArrayList<>();

    static ItemForm of(String code, ItemStandard s) {
        ItemForm f = new ItemForm();
        f.code = code;
        f.name = BilingualText.of(s.name());
        f.description = BilingualText.of(s.description());
        f.category = s.category() == null ? "" : s.category().name();
        f.audience = s.audience() == null ? "" : s.audience().name();
        f.department = s.department() == null ? "" : s.department();
        f.level = s.level() == null ? "" : s.level().name();
        f.legalBasis = BilingualText.of(s.legalBasis());
        f.conditions = BilingualText.of(s.conditions());
        f.materials = new ArrayList<>(s.materials().stream().map(MaterialRow::of).toList());
        f.statutoryDays = String.valueOf(s.statutoryDays());
        f.promisedDays = String.valueOf(s.promisedDays());
        f.feeYuan = s.feeYuan().toPlainString();
        f.feeNote = BilingualText.of(s.feeNote());
        f.channels = new ArrayList<>(Arrays.stream(Channel.values()).filter(s.channels()::contains).map(Channel::name).toList());
        f.visits = String.valueOf(s.visits());
        f.crossProvince = s.crossProvince();
        f.keywordsZh = String.join(", ", s.keywordsZh());
        f.keywordsEn = String.join(", ", s.keywordsEn());
        f.faq = new ArrayList<>(s.faq().stream().map(FaqRow::of).toList());
        f.form = new ArrayList<>(s.form().stream().map(QuestionRow::of).toList());
        return f;
    }

    /** The standard the form describes; what could not be read is added to {@code unreadable} and left at zero or empty. */
    ItemStandard standard(List<Violation> unreadable) {
        Reading r = new Reading(unreadable);
        List<Material> readMaterials = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            MaterialRow m = materials.get(i);
            String at = "materials[" + i + "]";
            readMaterials.add(new Material(m.code.strip(), m.name.text(), r.count(at + ".originals", m.originals),
                    r.count(at + ".copies", m.copies), m.required, r.choice(at + ".source", m.source, MaterialSource::valueOf),
                    m.sourceNote.text()));
        }
        List<FormField> questions = new ArrayList<>();
        for (int i = 0; i < form.size(); i++) {
            QuestionRow q = form.get(i);
            String at = "form[" + i + "]";
            Integer maxLength = q.maxLength.isBlank() ? null : r.count(at + ".maxLength", q.maxLength);
            questions.add(new FormField(q.name.strip(), q.label.text(), r.choice(at + ".type", q.type, FormField.Type::valueOf),
                    q.required, maxLength, words(q.options)));
        }
        Set<Channel> chosen = EnumSet.noneOf(Channel.class);
        channels.forEach(c -> chosen.add(r.choice("channels", c, Channel::valueOf)));
        chosen.remove(null);
        return new ItemStandard(name.text(), description.text(), r.choice("category", category, ItemCategory::valueOf),
                r.choice("audience", audience, Audience::valueOf), department.strip(),
                r.choice("level", level, AdministrativeLevel::valueOf), legalBasis.text(), conditions.text(), readMaterials,
                r.count("statutoryDays", statutoryDays), r.count("promisedDays", promisedDays), r.amount("feeYuan", feeYuan),
                feeNote.text(), chosen, r.count("visits", visits), crossProvince, words(keywordsZh), words(keywordsEn),
                faq.stream().map(FaqRow::faq).toList(), questions);
    }

    private static List<String> words(String list) {
        return Arrays.stream(list.split("[,，、\\n]+")).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }

    /** Reads typed values, naming each one that is not a number or not one of the choices. */
    private record Reading(List<Violation> unreadable) {

        int count(String field, String typed) {
            try {
                return Integer.parseInt(typed.strip());
            } catch (NumberFormatException notANumber) {
                unreadable.add(Violation.of(field, "admin.item.whole-number"));
                return 0;
            }
        }

        BigDecimal amount(String field, String typed) {
            try {
                return typed.isBlank() ? BigDecimal.ZERO : new BigDecimal(typed.strip());
            } catch (NumberFormatException notAnAmount) {
                unreadable.add(Violation.of(field, "admin.item.amount"));
                return BigDecimal.ZERO;
            }
        }

        <E> E choice(String field, String typed, Function<String, E> valueOf) {
            if (typed == null || typed.isBlank()) {
                return null;
            }
            try {
                return valueOf.apply(typed.strip());
            } catch (IllegalArgumentException notAChoice) {
                unreadable.add(Violation.of(field, "admin.item.not-a-choice"));
                return null;
            }
        }
    }

    /** One material an applicant needs. */
    public static class MaterialRow {
        private String code = "";
        private BilingualText name = new BilingualText();
        private String originals = "1";
        private String copies = "0";
        private boolean required;
        private String source = MaterialSource.APPLICANT.name();
        private BilingualText sourceNote = new BilingualText();

        static MaterialRow of(Material m) {
            MaterialRow row = new MaterialRow();
            row.code = m.code() == null ? "" : m.code();
            row.name = BilingualText.of(m.name());
            row.originals = String.valueOf(m.originals());
            row.copies = String.valueOf(m.copies());
            row.required = m.required();
            row.source = m.source().name();
            row.sourceNote = BilingualText.of(m.sourceNote());
            return row;
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code == null ? "" : code; }
        public BilingualText getName() { return name; }
        public void setName(BilingualText name) { this.name = name; }
        public String getOriginals() { return originals; }
        public void setOriginals(String originals) { this.originals = originals == null ? "" : originals; }
        public String getCopies() { return copies; }
        public void setCopies(String copies) { this.copies = copies == null ? "" : copies; }
        public boolean isRequired() { return required; }
        public void setRequired(boolean required) { this.required = required; }
        public String getSource() { return source; }
        public void setSource(String source) { this.source = source; }
        public BilingualText getSourceNote() { return sourceNote; }
        public void setSourceNote(BilingualText sourceNote) { this.sourceNote = sourceNote; }
    }

    /** One common question and its answer. */
    public static class FaqRow {
        private BilingualText question = new BilingualText();
        private BilingualText answer = new BilingualText();

        static FaqRow of(Faq faq) {
            FaqRow row = new FaqRow();
            row.question = BilingualText.of(faq.question());
            row.answer = BilingualText.of(faq.answer());
            return row;
        }

        Faq faq() {
            return new Faq(question.text(), answer.text());
        }

        public BilingualText getQuestion() { return question; }
        public void setQuestion(BilingualText question) { this.question = question; }
        public BilingualText getAnswer() { return answer; }
        public void setAnswer(BilingualText answer) { this.answer = answer; }
    }

    /** One question of the application form. */
    public static class QuestionRow {
        private String name = "";
        private BilingualText label = new BilingualText();
        private String type = FormField.Type.TEXT.name();
        private boolean required;
        private String maxLength = "";
        private String options = "";

        static QuestionRow of(FormField field) {
            QuestionRow row = new QuestionRow();
            row.name = field.name() == null ? "" : field.name();
            row.label = BilingualText.of(field.label());
            row.type = field.type() == null ? "" : field.type().name();
            row.required = field.required();
            row.maxLength = field.maxLength() == null ? "" : String.valueOf(field.maxLength());
            row.options = String.join(", ", field.options());
            return row;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name == null ? "" : name; }
        public BilingualText getLabel() { return label; }
        public void setLabel(BilingualText label) { this.label = label; }
        public String getType() { return type; }
        public void setType(String type) { this.type = type; }
        public boolean isRequired() { return required; }
        public void setRequired(boolean required) { this.required = required; }
        public String getMaxLength() { return maxLength; }
        public void setMaxLength(String maxLength) { this.maxLength = maxLength == null ? "" : maxLength; }
        public String getOptions() { return options; }
        public void setOptions(String options) { this.options = options == null ? "" : options; }
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code == null ? "" : code.strip(); }
    public BilingualText getName() { return name; }
    public void setName(BilingualText name) { this.name = name; }
    public BilingualText getDescription() { return description; }
    public void setDescription(BilingualText description) { this.description = description; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getAudience() { return audience; }
    public void setAudience(String audience) { this.audience = audience; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department == null ? "" : department; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public BilingualText getLegalBasis() { return legalBasis; }
    public void setLegalBasis(BilingualText legalBasis) { this.legalBasis = legalBasis; }
    public BilingualText getConditions() { return conditions; }
    public void setConditions(BilingualText conditions) { this.conditions = conditions; }
    public List<MaterialRow> getMaterials() { return materials; }
    public void setMaterials(List<MaterialRow> materials) { this.materials = materials; }
    public String getStatutoryDays() { return statutoryDays; }
    public void setStatutoryDays(String statutoryDays) { this.statutoryDays = statutoryDays == null ? "" : statutoryDays; }
    public String getPromisedDays() { return promisedDays; }
    public void setPromisedDays(String promisedDays) { this.promisedDays = promisedDays == null ? "" : promisedDays; }
    public String getFeeYuan() { return feeYuan; }
    public void setFeeYuan(String feeYuan) { this.feeYuan = feeYuan == null ? "" : feeYuan; }
    public BilingualText getFeeNote() { return feeNote; }
    public void setFeeNote(BilingualText feeNote) { this.feeNote = feeNote; }
    public List<String> getChannels() { return channels; }
    public void setChannels(List<String> channels) { this.channels = channels; }
    public String getVisits() { return visits; }
    public void setVisits(String visits) { this.visits = visits == null ? "" : visits; }
    public boolean isCrossProvince() { return crossProvince; }
    public void setCrossProvince(boolean crossProvince) { this.crossProvince = crossProvince; }
    public String getKeywordsZh() { return keywordsZh; }
    public void setKeywordsZh(String keywordsZh) { this.keywordsZh = keywordsZh == null ? "" : keywordsZh; }
    public String getKeywordsEn() { return keywordsEn; }
    public void setKeywordsEn(String keywordsEn) { this.keywordsEn = keywordsEn == null ? "" : keywordsEn; }
    public List<FaqRow> getFaq() { return faq; }
    public void setFaq(List<FaqRow> faq) { this.faq = faq; }
    public List<QuestionRow> getForm() { return form; }
    public void setForm(List<QuestionRow> form) { this.form = form; }
}
