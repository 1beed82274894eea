package org.savingsledger.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses a query parameter a query endpoint does not declare. Spring ignores unknown parameters,
 * so {@code effectiveon=2018-03-11} (for {@code effectiveOn}) or a BI {@code year=2018/19} was
 * answered with the unfiltered figures as if they were the ones asked for; now it is a 400 naming
 * the parameter. The parameters an endpoint has are those its handler method declares with
 * {@code @RequestParam}, read from the method itself, so a parameter added to a handler is accepted
 * with no list to update.
 *
 * <p>Judged: GETs (and HEADs) of this module's controllers. Not judged: OData, whose query options
 * belong to the OData protocol and which refuses the unsupported {@code $} options itself; a handler
 * taking every parameter as a map; anything not of the query side (the API description, its UI,
 * Actuator).
 */
@Component
class DeclaredParameters implements HandlerInterceptor, WebMvcConfigurer {

    private static final String QUERY_SIDE = "org.savingsledger.query";
    private static final String PAGES = QUERY_SIDE + ".ui";
    /** What every page of the web interface takes besides its own: the form's command to wait for, and what it did. */
    private static final Set<String> EVERY_PAGE = Set.of("consistencyToken", "done");

    private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();
    /** Per handler method, the names it declares; empty when it takes any. */
    private final Map<Method, Optional<Set<String>>> declared = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && judges(request, method)) {
            declared.computeIfAbsent(method.getMethod(), m -> declaredBy(method)).ifPresent(known -> {
                boolean page = method.getBeanType().getPackageName().equals(PAGES);
                List<String> unknown = request.getParameterMap().keySet().stream()
                        .filter(name -> !known.contains(name) && !(page && EVERY_PAGE.contains(name))).sorted().toList();
                if (!unknown.isEmpty()) {
                    throw new QueryParameters.UnknownParameters(unknown, known);
                }
            });
        }
        return true;
    }

    private static boolean judges(HttpServletRequest request, HandlerMethod method) {
        return ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && method.getBeanType().getName().startsWith(QUERY_SIDE + ".")
                && !method.getBeanType().getPackageName().equals(QUERY_SIDE + ".odata");
    }

    private Optional<Set<String>> declaredBy(HandlerMethod handler) {
        String[] names = parameterNames.getParameterNames(handler.getMethod());
        Set<String> known = new TreeSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name()
                    : names == null ? null : names[parameter.getParameterIndex()];
            if (name == null || Map.class.isAssignableFrom(parameter.getParameterType())) {
                // @RequestParam Map takes every parameter; a name we cannot read is not ours to judge
                return Optional.empty();
            }
            known.add(name);
        }
        return Optional.of(known);
    }
}
