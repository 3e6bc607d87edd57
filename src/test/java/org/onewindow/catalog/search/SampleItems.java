package org.onewindow.catalog.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.onewindow.catalog.Audience;
import org.onewindow.catalog.Channel;
import org.onewindow.catalog.Faq;
import org.onewindow.catalog.ItemCategory;
import org.onewindow.catalog.ItemStandard;
import org.onewindow.catalog.ItemStatus;
import org.onewindow.catalog.LocalizedText;
import org.onewindow.catalog.Material;
import org.onewindow.catalog.MaterialSource;
import org.onewindow.catalog.ServiceItem;
import org.onewindow.identity.AdministrativeLevel;

/** A small published catalog, written the way the standard list words its items. */
final class SampleItems {

    static final String FOOD_BUSINESS_LICENCE = "SC-001";
    static final String BUSINESS_REGISTRATION = "SC-002";
    static final String BIRTH_CERTIFICATE = "WJ-001";
    static final String MATERNITY_ALLOWANCE = "RS-001";
    static final String RESIDENT_PENSION = "RS-002";
    static final String NEWBORN_HOUSEHOLD_REGISTRATION = "GA-001";
    static final String DRIVING_LICENCE_RENEWAL = "GA-002";
    static final String TAX_REGISTRATION = "SW-001";
    static final String PUBLIC_RENTAL_HOUSING = "ZJ-001";

    static final String MARKET_REGULATION = "market-regulation";
    static final String HUMAN_RESOURCES = "human-resources-social-security";
    static final String PUBLIC_SECURITY = "public-security";

    private SampleItems() {
    }

    static List<ServiceItem> catalog() {
        return List.of(
                item(FOOD_BUSINESS_LICENCE).named("食品经营许可", "Food Business Licence")
                        .describedAs("从事食品销售和餐饮服务活动，应当依法取得食品经营许可。",
                                "Anyone who sells food or provides catering services must hold a food business licence.")
                        .keywords(List.of("餐饮服务", "食品销售", "小吃店"), List.of("catering", "food sales"))
                        .material("营业执照", "Business licence")
                        .material("食品安全管理制度", "Food safety management rules")
                        .question("网上申请需要多久？", "How long does an online application take?")
                        .by(MARKET_REGULATION, AdministrativeLevel.COUNTY, Audience.ENTERPRISE)
                        .through(Channel.ONLINE, Channel.WINDOW).build(),
                item(BUSINESS_REGISTRATION).named("企业设立登记", "Company Establishment Registration")
                        .describedAs("设立公司、合伙企业等市场主体，领取营业执照。",
                                "Register a new company or partnership and receive its business licence.")
                        .keywords(List.of("营业执照", "开公司"), List.of("business licence", "start a company"))
                        .material("公司章程", "Articles of association")
                        .by(MARKET_REGULATION, AdministrativeLevel.CITY, Audience.ENTERPRISE)
                        .through(Channel.ONLINE).build(),
                item(BIRTH_CERTIFICATE).named("出生医学证明办理", "Issuing the Medical Birth Certificate")
                        .describedAs("新生儿在医疗机构出生后，由助产机构签发出生医学证明。",
                                "The hospital where a baby is born issues its medical birth certificate.")
                        .keywords(List.of("出生证", "新生儿"), List.of("birth certificate", "newborn"))
                        .material("父母身份证", "Parents' identity cards")
                        .by("health-commission", AdministrativeLevel.COUNTY, Audience.PERSON)
                        .through(Channel.WINDOW).build(),
                item(MATERNITY_ALLOWANCE).named("生育津贴申领", "Maternity Allowance Claim")
                        .describedAs("参加生育保险的职工生育后，可申领生育津贴。",
                                "Insured employees who give birth can claim the maternity allowance.")
                        .keywords(List.of("生育保险", "产假工资"), List.of("maternity insurance", "maternity pay"))
                        .material("出生医学证明", "Medical birth certificate")
                        .by(HUMAN_RESOURCES, AdministrativeLevel.CITY, Audience.PERSON)
                        .through(Channel.ONLINE, Channel.MOBILE).build(),
                item(RESIDENT_PENSION).named("城乡居民养老保险待遇申领", "Resident Pension Claim")
                        .describedAs("参加城乡居民基本养老保险，年满60周岁的居民可按月领取养老金。",
                                "Insured residents aged 60 or over receive a monthly pension.")
                        .keywords(List.of("养老金", "退休"), List.of("old-age pension", "retirement"))
                        .material("居民身份证", "Resident identity card")
                        .by(HUMAN_RESOURCES, AdministrativeLevel.COUNTY, Audience.PERSON)
                        .through(Channel.ONLINE, Channel.MOBILE, Channel.WINDOW).build(),
                item(NEWBORN_HOUSEHOLD_REGISTRATION).named("新生儿入户", "Household Registration of a Newborn")
                        .describedAs("婴儿出生后一个月内，由父母向户口所在地派出所申报出生登记。",
                                "Within a month of the birth, the parents register the baby with the local police station.")
                        .keywords(List.of("报户口", "出生登记"), List.of("hukou", "birth registration"))
                        .material("出生医学证明", "Medical birth certificate")
                        .by(PUBLIC_SECURITY, AdministrativeLevel.COUNTY, Audience.PERSON)
                        .through(Channel.WINDOW, Channel.ONLINE).build(),
                item(DRIVING_LICENCE_RENEWAL).named("机动车驾驶证换证", "Driving Licence Renewal")
                        .describedAs("驾驶证有效期满前九十日内，申请换领新证。",
                                "Renew a driving licence within ninety days before it expires.")
                        .keywords(List.of("驾照到期", "换驾照"), List.of("driver's licence", "expired licence"))
                        .material("身体条件证明", "Certificate of physical condition")
                        .by(PUBLIC_SECURITY, AdministrativeLevel.CITY, Audience.PERSON)
                        .through(Channel.MOBILE, Channel.WINDOW).build(),
                item(TAX_REGISTRATION).named("税务登记", "Tax Registration")
                        .describedAs("纳税人办理设立税务登记，领取税务登记证件。",
                                "Taxpayers register with the tax authority.")
                        .keywords(List.of("报税", "纳税人识别号"), List.of("taxpayer number"))
                        .by("taxation", AdministrativeLevel.PROVINCE, Audience.BOTH)
                        .through(Channel.ONLINE, Channel.MAIL).build(),
                item(PUBLIC_RENTAL_HOUSING).named("公共租赁住房申请", "Public Rental Housing Application")
                        .describedAs("符合条件的家庭和企业职工可申请公共租赁住房。",
                                "Eligible families, and employers for their staff, can apply for public rental housing.")
                        .keywords(List.of("公租房", "廉租房"), List.of("social housing", "affordable housing"))
                        .by("housing", AdministrativeLevel.CITY, Audience.BOTH)
                        .through(Channel.WINDOW).build());
    }

    static ItemBuilder item(String code) {
        return new ItemBuilder(code);
    }

    static final class ItemBuilder {

        private final String code;
        private LocalizedText name = LocalizedText.empty();
        private LocalizedText description = LocalizedText.empty();
        private List<String> keywordsZh = List.of();
        private List<String> keywordsEn = List.of();
        private final List<Material> materials = new ArrayList<>();
        private final List<Faq> faq = new ArrayList<>();
        private String department = MARKET_REGULATION;
        private AdministrativeLevel level = AdministrativeLevel.COUNTY;
        private Audience audience = Audience.PERSON;
        private Set<Channel> channels = EnumSet.of(Channel.WINDOW);

        private ItemBuilder(String code) {
            this.code = code;
        }

        ItemBuilder named(String zh, String en) {
            name = new LocalizedText(zh, en);
            return this;
        }

        ItemBuilder describedAs(String zh, String en) {
            description = new LocalizedText(zh, en);
            return this;
        }

        ItemBuilder keywords(List<String> zh, List<String> en) {
            keywordsZh = zh;
            keywordsEn = en;
            return this;
        }

        ItemBuilder material(String zh, String en) {
            materials.add(new Material("M-" + (materials.size() + 1), new LocalizedText(zh, en), 1, 0, true,
                    MaterialSource.APPLICANT, null));
            return this;
        }

        ItemBuilder question(String zh, String en) {
            faq.add(new Faq(new LocalizedText(zh, en), new LocalizedText("请咨询窗口。", "Ask at the window.")));
            return this;
        }

        ItemBuilder by(String department, AdministrativeLevel level, Audience audience) {
            this.department = department;
            this.level = level;
            this.audience = audience;
            return this;
        }

        ItemBuilder through(Channel first, Channel... more) {
            channels = EnumSet.of(first, more);
            return this;
        }

        ServiceItem build() {
            ItemStandard standard = new ItemStandard(name, description, ItemCategory.PUBLIC_SERVICE, audience,
                    department, level, null, null, materials, 20, 10, BigDecimal.ZERO, null, channels, 0, false,
                    keywordsZh, keywordsEn, faq, List.of());
            return new ServiceItem(UUID.nameUUIDFromBytes(code.getBytes()), code, 1, ItemStatus.PUBLISHED, standard,
                    Instant.parse("2026-01-05T08:00:00Z"), Instant.parse("2026-01-06T08:00:00Z"));
        }
    }
}
