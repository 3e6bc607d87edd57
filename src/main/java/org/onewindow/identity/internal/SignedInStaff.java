package org.onewindow.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onewindow.identity.Role;
import org.onewindow.identity.StaffDirectory;
import org.onewindow.identity.StaffMember;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A controller method that takes a {@link StaffMember} gets the signed-in member of staff; anyone
 * else is refused (403) before the method runs. One that takes an {@code Optional<StaffMember>}
 * gets the member of staff behind a caller with a staff role, and nobody for citizens and
 * enterprise agents, without asking the database (a status look-up is the most frequent
 * request). Without this, Spring would bind a StaffMember from request parameters, which must
 * never happen.
 */
@Configuration(proxyBeanMethods = false)
class SignedInStaff implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    private static final Set<String> STAFF_ROLES = EnumSet.complementOf(EnumSet.of(Role.CITIZEN, Role.ENTERPRISE_AGENT)).stream()
            .map(Role::authority).collect(Collectors.toUnmodifiableSet());

    private final StaffDirectory staff;

    SignedInStaff(StaffDirectory staff) {
        this.staff = staff;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == StaffMember.class
                || (parameter.getParameterType() == Optional.class && parameter.nested().getNestedParameterType() == StaffMember.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
        if (parameter.getParameterType() == Optional.class) {
            boolean staffRole = signedIn && who.getAuthorities().stream().map(a -> a.getAuthority()).anyMatch(STAFF_ROLES::contains);
            return staffRole ? staff.staff(who.getName()) : Optional.empty();
        }
        if (!signedIn) {
            throw new AccessDeniedException("not signed in");
        }
        return staff.requireStaff(who.getName());
    }
}
