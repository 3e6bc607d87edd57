package org.onewindow.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** A page that refuses without showing it next to a form tells the person why, in their words, with the right status. */
class PageRefusalsTest {

    private final MockMvc pages;

    PageRefusalsTest() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("rule.application.changed-meanwhile", Locale.SIMPLIFIED_CHINESE, "申请 {0} 刚被别人改过，请重新打开。");
        messages.addMessage("rule.application.field-required", Locale.SIMPLIFIED_CHINESE, "请填写这一项。");
        pages = MockMvcBuilders.standaloneSetup(new RefusingPage()).setControllerAdvice(new PageRefusals(messages))
                .setLocaleResolver(new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE)).build();
    }

    @Test
    void aStepNoLongerPossibleAnswers409WithItsReason() throws Exception {
        pages.perform(post("/conflict"))
                .andExpect(status().isConflict())
                .andExpect(view().name("error"))
                .andExpect(model().attribute("reasons", List.of("申请 OW1 刚被别人改过，请重新打开。")));
    }

    @Test
    void aBrokenRuleAnswers422WithEveryReason() throws Exception {
        pages.perform(post("/rule"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(view().name("error"))
                .andExpect(model().attribute("reasons", List.of("请填写这一项。", "请填写这一项。")));
    }

    @Controller
    static class RefusingPage {

        @PostMapping("/conflict")
        String conflict() {
            throw new ConflictException("application.changed-meanwhile", "OW1");
        }

        @PostMapping("/rule")
        String rule() {
            throw new RuleViolationException(List.of(Violation.of("form.name", "application.field-required"),
                    Violation.of("form.phone", "application.field-required")));
        }
    }
}
