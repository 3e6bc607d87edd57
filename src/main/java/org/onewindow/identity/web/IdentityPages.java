package org.onewindow.identity.web;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onewindow.identity.MobilePhoneNumber;
import org.onewindow.identity.OrganizationTree;
import org.onewindow.identity.Region;
import org.onewindow.identity.ResidentIdNumber;
import org.onewindow.identity.internal.AccountPasswords;
import org.onewindow.identity.internal.AccountStore;
import org.onewindow.identity.internal.PersonRecords;
import org.onewindow.identity.internal.Registrations;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.pii.PersonalDataMask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Sign in, register as a citizen, and see one's own account (identifiers masked). */
@Controller
class IdentityPages {

    private final AccountStore accounts;
    private final Registrations registrations;
    private final PersonRecords records;
    private final OrganizationTree tree;
    private final MessageSource messages;
    private final boolean demo;
    private final List<IdentityProvider> identityProviders;
    private final ReadsOfMyData reads;

    IdentityPages(AccountStore accounts, Registrations registrations, PersonRecords records, OrganizationTree tree, MessageSource messages,
                  @Value("${onewindow.demo-data}") boolean demo, ObjectProvider<ClientRegistrationRepository> clientRegistrations,
                  ReadsOfMyData reads) {
        this.reads = reads;
        this.accounts = accounts;
        this.registrations = registrations;
        this.records = records;
        this.tree = tree;
        this.messages = messages;
        this.demo = demo;
        this.identityProviders = new ArrayList<>();
        if (clientRegistrations.getIfAvailable() instanceof Iterable<?> configured) {
            configured.forEach(r -> {
                ClientRegistration registration = (ClientRegistration) r;
                identityProviders.add(new IdentityProvider(registration.getRegistrationId(), registration.getClientName()));
            });
        }
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demo", demo);
        model.addAttribute("identityProviders", identityProviders);
        return "identity/login";
    }

    /** An external identity provider (OIDC) people may sign in with. */
    record IdentityProvider(String id, String name) {
    }

    @GetMapping("/register")
    String registerForm(Model model) {
        model.addAttribute("form", new PersonRegistration(null, null, null, null, null));
        model.addAttribute("errors", Map.of());
        return "identity/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") PersonRegistration form, BindingResult binding, Model model,
                    RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        if (errors.isEmpty()) {
            try {
                MobilePhoneNumber phone = MobilePhoneNumber.parse(form.phone());
                // the same page whatever exists: the outcome (open, or the user name taken) goes to the phone
                registrations.registerPerson(form.username(), form.password(), form.name(), ResidentIdNumber.parse(form.idNumber()), phone);
                redirect.addFlashAttribute("sentTo", phone.masked());
                return "redirect:/register/sent";
            } catch (RuleViolationException refused) {
                // the password rules: too common (its length is checked by the form)
                refused.violations().forEach(v -> errors.putIfAbsent(v.field(),
                        messages.getMessage(v.messageKey(), v.args(), LocaleContextHolder.getLocale())));
            }
        }
        model.addAttribute("errors", errors);
        return "identity/register";
    }

    @GetMapping("/register/sent")
    String registrationSent() {
        return "identity/registered";
    }

    @PostMapping("/account/verification")
    String verify(Authentication who, RedirectAttributes redirect, Locale locale) {
        try {
            AccountVerification.require(records.verify(who.getName()));
            redirect.addFlashAttribute("verification", messages.getMessage("account.verification.done", null, locale));
        } catch (RuleViolationException broken) {
            var violation = broken.violations().get(0);
            redirect.addFlashAttribute("verificationError", messages.getMessage(violation.messageKey(), violation.args(), locale));
        } catch (ConflictException held) {
            redirect.addFlashAttribute("verificationError", messages.getMessage(held.messageKey(), held.args(), locale));
        }
        return "redirect:/account";
    }

    @GetMapping("/account")
    String account(Authentication who, Model model, Locale locale) {
        // Someone signed in through an external identity provider may have no local account yet.
        var account = accounts.find(who.getName()).orElseGet(() -> new AccountStore.AccountRecord(null, who.getName(),
                "EXTERNAL", who.getName(), null, null, null, null, null, java.util.Set.of()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", account.username());
        view.put("displayName", account.displayName());
        view.put("kind", account.kind());
        view.put("verified", account.kind().equals("PERSON") && records.isVerified(account.username()));
        view.put("maskedIdNumber", PersonalDataMask.idNumber(account.idNumber()));
        view.put("maskedPhone", PersonalDataMask.phone(account.phone()));
        view.put("creditCode", account.creditCode());
        view.put("roles", account.roles().stream().map(Enum::name).sorted().toList());
        view.put("region", account.regionCode() == null ? null : tree.region(account.regionCode()).map(r -> r.name(locale)).orElse(null));
        model.addAttribute("account", view);
        model.addAttribute("enrolmentDue", who.getAuthorities().stream().anyMatch(a -> "SECOND_FACTOR_ENROLMENT".equals(a.getAuthority())));
        model.addAttribute("passwordChangeDue", who.getAuthorities().stream().anyMatch(a -> AccountPasswords.CHANGE_ONLY.equals(a.getAuthority())));
        model.addAttribute("reads", reads.of(account.username(), locale));
        return "identity/account";
    }
}
