package org.tracker.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The server's own time for each request the benchmark names, measured inside the tracker's servlet container: a
 * filter ahead of every other one (Spring Security's included) notes how long the rest of the chain took, the page's
 * queries, its rendering and whatever the response wrote before the chain returned. Tomcat's parsing of the request
 * and its last write of a buffered response are outside it, as is the network; the client's figure includes them.
 *
 * <p>The benchmark adds this class to the tracker's context ({@link TrackerInstance#start(BenchServers, String, Map,
 * Class[])}); the tracker itself is not changed.
 */
@Configuration(proxyBeanMethods = false)
class ServerTiming {

    /** The request header that names a request whose time is to be kept. */
    static final String HEADER = "X-Bench-Request";

    /** Nanoseconds each named request spent in the servlet filter chain, by name, until taken. */
    private static final Map<String, Long> NANOS = new ConcurrentHashMap<>();

    @Bean
    FilterRegistrationBean<Filter> benchServerTiming() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new TimingFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setName("benchServerTiming");
        return registration;
    }

    /**
     * The server time of the request named {@code name}, once the client has its whole answer. The filter returns
     * before the container ends a chunked response, so the time is noted by then; a response of known length that the
     * page flushed itself may reach the client a moment before, so this waits a little for it.
     */
    static long take(String name) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            Long nanos = NANOS.remove(name);
            if (nanos != null) {
                return nanos;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server noted no time for request " + name);
            }
            Thread.sleep(0, 100_000);
        }
    }

    private static final class TimingFilter implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String name = ((HttpServletRequest) request).getHeader(HEADER);
            if (name == null) {
                chain.doFilter(request, response);
                return;
            }
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                NANOS.put(name, System.nanoTime() - start);
            }
        }
    }
}
