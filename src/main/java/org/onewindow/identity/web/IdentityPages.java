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
import org.onewindow.identity.internal.AccountStore;
import org.onewindow.shared.ConflictException;
import org.onewindow.shared.pii.PersonalDataMask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
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
    private final OrganizationTree tree;
    private final MessageSource messages;
    private final boolean demo;
    private final List<IdentityProvider> identityProviders;
    private final ReadsOfMyData reads;

    IdentityPages(AccountStore accounts, OrganizationTree tree, MessageSource messages,
                  @Value("${onewindow.demo-data}") boolean demo, ObjectProvider<ClientRegistrationRepository> registrations,
                  ReadsOfMyData reads) {
        this.reads = reads;
        this.accounts = accounts;
        this.tree = tree;
        this.messages = messages;
        this.demo = demo;
        this.identityProviders = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
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
    String register(@Valid @ModelAttribute("form") PersonRegistration form, BindingResult binding, Model model, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        if (errors.isEmpty()) {
            try {
                accounts.registerPerson(form.username(), form.password(), form.name(), ResidentIdNumber.parse(form.idNumber()),
                        form.phone() == null || form.phone().isBlank() ? null : MobilePhoneNumber.parse(form.phone()));
                return "redirect:/login?registered";
            } catch (ConflictException taken) {
                String field = taken.rule().contains("username") ? "username" : "idNumber";
                errors.put(field, messages.getMessage(taken.messageKey(), taken.args(), locale));
            }
        }
        model.addAttribute("errors", errors);
        return "identity/register";
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
        view.put("maskedIdNumber", PersonalDataMask.idNumber(account.idNumber()));
        view.put("maskedPhone", PersonalDataMask.phone(account.phone()));
        view.put("creditCode", account.creditCode());
        view.put("roles", account.roles().stream().map(Enum::name).sorted().toList());
        view.put("region", account.regionCode() == null ? null : tree.region(account.regionCode()).map(r -> r.name(locale)).orElse(null));
        model.addAttribute("account", view);
        model.addAttribute("reads", reads.of(account.username(), locale));
        return "identity/account";
    }
}
