package org.savingsledger.query.odata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request as Olingo must see it: the service root is the application's public base URL (never a
 * {@code Host} a client chose) followed by {@code /odata}, and the OData path is what follows that.
 */
final class ServiceRootRequest extends HttpServletRequestWrapper {

    static final String PREFIX = "/odata";

    private final String serviceRoot;
    private final String odataPath;

    ServiceRootRequest(HttpServletRequest request, String serviceRoot) {
        super(request);
        this.serviceRoot = serviceRoot;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // the service root itself is served, not redirected to its form with a slash
        this.odataPath = path.length() <= PREFIX.length() ? "/"
                : RequestText.slashesInLiteralsEscaped(path.substring(PREFIX.length()));
    }

    /** HEAD is answered as GET, whose body the web server then leaves out. */
    @Override
    public String getMethod() {
        return "HEAD".equals(super.getMethod()) ? "GET" : super.getMethod();
    }

    @Override
    public String getQueryString() {
        return RequestText.keywordsLowerCased(super.getQueryString());
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer(serviceRoot).append(odataPath);
    }

    /** With no context or servlet path, Olingo takes this as the OData path (the part after the service root). */
    @Override
    public String getRequestURI() {
        return odataPath;
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getServletPath() {
        return "";
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public Object getAttribute(String name) {
        return "requestMapping".equals(name) ? null : super.getAttribute(name);
    }
}
