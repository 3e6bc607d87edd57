package org.onewindow.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * PostgreSQL cannot store a NUL character in text, so one that got through would fail the
 * write with a 500 after part of the work was done. Every request parameter (query, form,
 * multipart field) and every string of a JSON body is checked before a controller runs, and a NUL
 * is refused as bad input naming the field.
 */
@ControllerAdvice
class NulCharacterGuard extends RequestBodyAdviceAdapter implements HandlerInterceptor, WebMvcConfigurer {

    private static final int DEEPEST = 16;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ERROR) {
            // the error page reports on a request already refused; it must not refuse it again as a page
            return true;
        }
        request.getParameterMap().forEach((name, values) -> {
            if (name.indexOf('\0') >= 0) {
                throw new NulCharacterException("parameter");
            }
            for (String value : values) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw new NulCharacterException(name);
                }
            }
        });
        return true;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "", 0);
        return body;
    }

    private static void check(Object value, String path, int depth) {
        if (value == null || depth > DEEPEST) {
            return;
        }
        if (value instanceof CharSequence text) {
            if (text.toString().indexOf('\0') >= 0) {
                throw new NulCharacterException(path.isEmpty() ? "body" : path);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> {
                check(key, path, depth + 1);
                check(entry, join(path, String.valueOf(key)), depth + 1);
            });
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                check(item, path + "[" + i++ + "]", depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (var component : value.getClass().getRecordComponents()) {
                check(read(component, value), join(path, component.getName()), depth + 1);
            }
        }
    }

    private static Object read(java.lang.reflect.RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return null;
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A NUL character where text was expected, in the field named. */
    static final class NulCharacterException extends RuntimeException {
        private final String field;

        NulCharacterException(String field) {
            super("NUL character in " + field);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
