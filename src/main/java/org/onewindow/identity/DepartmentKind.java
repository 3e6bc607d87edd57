package org.onewindow.identity;

import java.util.Arrays;
import java.util.Optional;

/** The departments every county government has; a standard item names the one responsible. */
public enum DepartmentKind {
    MARKET_REGULATION("market-regulation", "市场监督管理局", "Market Regulation Bureau"),
    PUBLIC_SECURITY("public-security", "公安局", "Public Security Bureau"),
    HUMAN_RESOURCES_SOCIAL_SECURITY("human-resources-social-security", "人力资源和社会保障局", "Human Resources and Social Security Bureau"),
    CIVIL_AFFAIRS("civil-affairs", "民政局", "Civil Affairs Bureau"),
    HEALTH("health", "卫生健康局", "Health Commission"),
    HOUSING_CONSTRUCTION("housing-construction", "住房和城乡建设局", "Housing and Construction Bureau"),
    NATURAL_RESOURCES("natural-resources", "自然资源和规划局", "Natural Resources and Planning Bureau"),
    TRANSPORT("transport", "交通运输局", "Transport Bureau"),
    ECOLOGY_ENVIRONMENT("ecology-environment", "生态环境局", "Ecology and Environment Bureau"),
    TAXATION("taxation", "税务局", "Taxation Bureau");

    private final String code;
    private final String nameZh;
    private final String nameEn;

    DepartmentKind(String code, String nameZh, String nameEn) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public String name(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }

    public static Optional<DepartmentKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
