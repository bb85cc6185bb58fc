package org.tracker.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.time.ZoneId;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's own part: what the tracker is, its version as the build wrote it, and the one way to
 * authenticate. Which operations need a token is derived from the access rules ({@code security}); each fact's body
 * from what the tracker reads ({@code facts}).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocument {

    /** The security scheme every guarded operation names. */
    public static final String BEARER = "bearer";

    static {
        // Time zones are read and written as their ids ("America/New_York"), not as the objects' properties.
        SpringDocUtils.getConfig().replaceWithSchema(ZoneId.class, new StringSchema().example("America/New_York"));
    }

    @Bean
    OpenAPI trackerApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(
                        new Info()
                                .title("tracker")
                                // A build without build-info (a class folder an IDE compiled) has no version to give.
                                .version(properties == null ? "unversioned build" : properties.getVersion())
                                .description(
                                        """
                                The measures that shape US-Israel security cooperation (bills and resolutions, roll-call \
                                votes, arms sales under AECA §36(b), waivers, the MoU, mandated reports), each fact an \
                                event with when it happened, when the tracker learned it and where it came from.

                                Reading measures needs no token. Recording facts, alerts, audits and administration \
                                need one, sent as `Authorization: Bearer <token>`; an operator makes accounts and their \
                                tokens, and each operation names the role it needs. Errors are RFC 9457 \
                                `application/problem+json`. Lists of measures are paged: follow the `Link` header's \
                                `rel="next"` URL; `X-Total-Count` gives how many match."""))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An account's API token (trk_...), from an operator or, for the"
                                                + " operator account, from the first start's log")));
    }
}
