package org.onewindow.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.onewindow.shared.web.ProblemDetails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every path has an explicit rule; anything not listed is denied. Two chains: the REST API is
 * stateless (HTTP Basic, no session cookie, so no CSRF to forge) and answers 401/403 with
 * problem details; pages use a session with form login (never HTTP Basic, which a browser
 * would keep sending unseen), CSRF protection and, when an identity provider is configured,
 * OIDC login. How a sign-in is checked: {@link SignInConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] PUBLIC_PAGES = {
            "/", "/search", "/items/**", "/bundles", "/bundles/**", "/browse/**", "/login", "/register", "/register/**",
            "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/actuator/health", "/actuator/health/**"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, MessageSource messages, JsonMapper json, SignInConfiguration.ApiSignIn signIn,
                            UnknownPaths paths) throws Exception {
        // metrics scrapers sign in like API clients (HTTP Basic, no session); pages never take Basic
        http.securityMatcher("/api/**", "/actuator/prometheus", "/actuator/info")
                .authenticationManager(signIn.manager())
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/prometheus", "/actuator/info").hasRole("ADMINISTRATOR")
                        .requestMatchers("/api/v1/identity/staff", "/api/v1/identity/staff/**").hasRole("ADMINISTRATOR")
                        // drafts are not published: catalog administrators only (anonymous callers get 401, not a 500)
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalog/items/*/draft").hasRole("ADMINISTRATOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalog/**", "/api/v1/casework/calendar").permitAll()
                        .requestMatchers("/api/v1/casework/calendar/*").hasRole("ADMINISTRATOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/identity/persons", "/api/v1/identity/enterprises").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/identity/me", "/api/v1/identity/me/reads",
                                "/api/v1/identity/proxy-authorizations").authenticated()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/identity/me/password").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/verification").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/identity/me/verification").hasRole("CITIZEN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/identity/proxy-authorizations/at-window").hasRole("CLERK")
                        .requestMatchers(HttpMethod.POST, "/api/v1/identity/proxy-authorizations",
                                "/api/v1/identity/proxy-authorizations/*/revocation").hasAnyRole("CITIZEN", "ENTERPRISE_AGENT")
                        .requestMatchers("/api/v1/catalog/**").hasRole("ADMINISTRATOR")
                        .requestMatchers(HttpMethod.POST, "/api/v1/casework/applications").hasAnyRole("CITIZEN", "ENTERPRISE_AGENT")
                        .requestMatchers(HttpMethod.POST, "/api/v1/casework/applications/at-window").hasAnyRole("CLERK", "HANDLER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/casework/applications/bundles").hasAnyRole("CITIZEN", "ENTERPRISE_AGENT")
                        .requestMatchers(HttpMethod.GET, "/api/v1/casework/applications/bundles/*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/v1/casework/applications/*/withdrawal")
                                .hasAnyRole("CITIZEN", "ENTERPRISE_AGENT")
                        // the clerk who filed at a window hands in documents and corrections for the person present
                        .requestMatchers(HttpMethod.POST, "/api/v1/casework/applications/*/correction",
                                "/api/v1/casework/applications/*/materials", "/api/v1/casework/applications/*/materials/reuse")
                            .hasAnyRole("CITIZEN", "ENTERPRISE_AGENT", "CLERK")
                        .requestMatchers(HttpMethod.POST, "/api/v1/casework/applications/*/acceptance",
                                "/api/v1/casework/applications/*/correction-request", "/api/v1/casework/applications/*/refusal")
                                .hasAnyRole("CLERK", "HANDLER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/casework/applications/*/review",
                                "/api/v1/casework/applications/*/decision", "/api/v1/casework/applications/*/delivery",
                                "/api/v1/casework/applications/*/closure").hasRole("HANDLER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/casework/applications/*/opinion").hasRole("HANDLER")
                        .requestMatchers("/api/v1/casework/processes", "/api/v1/casework/procedures", "/api/v1/casework/procedures/*")
                            .hasRole("ADMINISTRATOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/casework/tasks").hasAnyRole("CLERK", "HANDLER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/casework/tasks/*/claim", "/api/v1/casework/tasks/*/handover")
                            .hasAnyRole("CLERK", "HANDLER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/casework/applications/*/rating").hasAnyRole("CITIZEN", "ENTERPRISE_AGENT")
                        .requestMatchers(HttpMethod.POST, "/api/v1/casework/applications/*/rating/answer").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/casework/applications/*/rating").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/casework/applications/follow-ups", "/api/v1/casework/applications/time-limits",
                                "/api/v1/casework/applications/indicators").hasRole("SUPERVISOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/casework/applications/*").authenticated()
                        // following with a window's receipt: anyone holding the number and its code
                        .requestMatchers(HttpMethod.POST, "/api/v1/casework/tracking").permitAll()
                        // a document handed in: the service lets only the applicant's side and the region's staff open it
                        .requestMatchers(HttpMethod.GET, "/api/v1/casework/applications/*/materials/*/file").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, HttpStatus.UNAUTHORIZED, SignInConfiguration.apiRefusal(e), messages, json)))
                // an address where no operation is answers 404 to everyone, signed in or not
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problem(response,
                                paths.unknown(request) ? HttpStatus.NOT_FOUND : HttpStatus.UNAUTHORIZED, messages, json))
                        .accessDeniedHandler((request, response, e) -> problem(response,
                                paths.unknown(request) ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN, messages, json)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> identityProviders,
                              ExternalIdentityBinding oidcUsers,
                              SignInConfiguration.PageSignIn signIn, UnknownPaths paths, EndedSessions endedSessions) throws Exception {
        var signInPage = new LoginUrlAuthenticationEntryPoint("/login");
        http.authorizeHttpRequests(rules -> rules
                        // applications (before the public /items/**): apply and act as a citizen or enterprise; the status
                        // page for anyone signed in, the service shows it only to the applicant and the region's staff
                        .requestMatchers("/items/*/apply").hasAnyRole("CITIZEN", "ENTERPRISE_AGENT")
                        // a whole life event (before the public /bundles/**), and the page that follows its applications
                        .requestMatchers("/bundles/*/apply").hasAnyRole("CITIZEN", "ENTERPRISE_AGENT")
                        .requestMatchers(HttpMethod.GET, "/applications/bundles/*").authenticated()
                        .requestMatchers(HttpMethod.GET, "/applications", "/applications/*").authenticated()
                        // a document handed in and the decision notice: the service shows them to the applicant's side and staff in duty
                        .requestMatchers(HttpMethod.GET, "/applications/*/materials/*/file", "/applications/*/notice").authenticated()
                        .requestMatchers(HttpMethod.POST, "/applications/*/correction").hasAnyRole("CITIZEN", "ENTERPRISE_AGENT", "CLERK")
                        .requestMatchers(HttpMethod.POST, "/applications/*/materials").hasAnyRole("CITIZEN", "ENTERPRISE_AGENT", "CLERK")
                        .requestMatchers(HttpMethod.POST, "/applications/*/withdrawal", "/applications/*/rating")
                                .hasAnyRole("CITIZEN", "ENTERPRISE_AGENT")
                        .requestMatchers("/office", "/office/**").hasAnyRole("CLERK", "HANDLER")
                        .requestMatchers("/supervision", "/supervision/**").hasRole("SUPERVISOR")
                        .requestMatchers("/admin/outbox").hasRole("ADMINISTRATOR")
                        .requestMatchers("/track").permitAll()
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMINISTRATOR")
                        .requestMatchers(HttpMethod.POST, "/account/verification").hasRole("CITIZEN")
                        .requestMatchers("/account", "/account/**", "/logout").authenticated()
                        .anyRequest().denyAll())
                // an address where no page is answers 404 to everyone: not "sign in", not "not allowed"
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            if (paths.unknown(request)) {
                                notFound(request, response);
                            } else {
                                signInPage.commence(request, response, e);
                            }
                        })
                        .accessDeniedHandler((request, response, denied) -> {
                            if (paths.unknown(request)) {
                                notFound(request, response);
                            } else {
                                endedSessions.handle(request, response, denied);
                            }
                        }))
                .formLogin(form -> signIn.applyTo(http, form.loginPage("/login").defaultSuccessUrl("/account")))
                .logout(logout -> logout.logoutSuccessUrl("/"));
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login").defaultSuccessUrl("/account")
                    .userInfoEndpoint(info -> info.oidcUserService(oidcUsers)));
        }
        return http.build();
    }

    /** Nothing to come back to after signing in: the page that was asked for is not there. */
    private static void notFound(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        new HttpSessionRequestCache().removeRequest(request, response);
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private static void problem(HttpServletResponse response, HttpStatus status, MessageSource messages, JsonMapper json)
            throws java.io.IOException {
        problem(response, status, "http-" + status.value(), messages, json);
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String code, MessageSource messages, JsonMapper json)
            throws java.io.IOException {
        var locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage("problem.title.http-" + status.value(), null, status.getReasonPhrase(), locale);
        String detail = messages.getMessage("problem." + code, null, title, locale);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"OneWindow\"");
        }
        ProblemDetails.write(response, ProblemDetails.of(status, code, title, detail, List.of()), json);
    }
}
