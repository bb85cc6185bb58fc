package org.tracker.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tracker.api.Api;
import org.tracker.api.TestServers;
import org.tracker.api.security.AccessRules;

/**
 * The OpenAPI document a running tracker serves, and its Swagger UI: the tracker's name and build version, the bearer
 * scheme on exactly the operations the access rules guard, and request bodies as the tracker reads them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    BuildProperties build;

    JsonNode document;

    @BeforeAll
    void fetchTheDocument() {
        Api.Response answer = new Api(port).get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        document = answer.body();
    }

    @Test
    void itNamesTheTrackerAndTheVersionTheBuildWrote() {
        assertThat(document.at("/info/title").asText()).isEqualTo("tracker");
        assertThat(build.getVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(document.at("/info/version").asText()).isEqualTo(build.getVersion());
        assertThat(document.at("/info/description").asText()).contains("Authorization: Bearer");
    }

    @Test
    void aGuardedOperationNeedsTheBearerTokenAndAPublicOneNone() {
        assertThat(document.at("/components/securitySchemes/bearer/type").asText())
                .isEqualTo("http");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");

        JsonNode recordBill = document.at("/paths/~1api~1bills/post");
        assertThat(recordBill.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
        assertThat(recordBill.path("description").asText()).contains("the role RECORDER");

        JsonNode oneMeasure = document.at("/paths/~1api~1measures~1{measureId}/get");
        assertThat(oneMeasure.isMissingNode()).isFalse();
        assertThat(oneMeasure.has("security")).isFalse();
        assertThat(document.has("security"))
                .as("no requirement for every operation")
                .isFalse();

        // Public, but an auditor's token opens the list as of a past moment.
        assertThat(document.at("/paths/~1api~1measures/get/security").toString())
                .isEqualTo("[{},{\"bearer\":[]}]");
    }

    @Test
    void everyOperationAsksForATokenExactlyWhenTheAccessRulesDo() {
        SoftAssertions softly = new SoftAssertions();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase(Locale.ROOT));
                    boolean isPublic = AccessRules.ruleFor(method, path.getKey())
                            .map(AccessRules.Rule::isPublic)
                            .orElse(false);
                    String security = operation.getValue().path("security").toString();
                    softly.assertThat(security)
                            .as(method + " " + path.getKey())
                            .isIn(isPublic ? List.of("", "[{},{\"bearer\":[]}]") : List.of("[{\"bearer\":[]}]"));
                }));
        softly.assertAll();
        assertThat(document.path("paths").has("/error"))
                .as("the container's error dispatch")
                .isFalse();
        assertThat(document.path("paths").has("/")).as("the HTML pages").isFalse();
    }

    @Test
    void aFactsBodyIsDescribedAsTheTrackerReadsIt() {
        JsonNode introduce =
                schema(document.at("/paths/~1api~1bills/post/requestBody/content/application~1json/schema"));
        assertThat(names(introduce.path("properties")))
                .contains("billId", "title", "introducedOn", "sponsor", "source", "effectiveAt")
                .doesNotContain("provenance");
        assertThat(document.at("/components/schemas").has("Provenance")).isFalse();
    }

    @Test
    void noBodyIsDescribedAsAnyJson() {
        SoftAssertions softly = new SoftAssertions();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    JsonNode json = operation.getValue().at("/requestBody/content/application~1json/schema");
                    if (!json.isMissingNode()) {
                        softly.assertThat(json.path("$ref").asText())
                                .as(operation.getKey() + " " + path.getKey())
                                .startsWith("#/components/schemas/")
                                .doesNotEndWith("/JsonNode");
                    }
                }));
        softly.assertAll();
        JsonNode subscription =
                schema(document.at("/paths/~1api~1subscriptions/post/requestBody/content/application~1json/schema"));
        assertThat(names(subscription.path("properties")))
                .containsExactlyInAnyOrder("name", "follow", "when", "schedule", "email", "webhook");
        assertThat(document.at("/components/schemas/Schedule/properties/timeZone/type")
                        .asText())
                .isEqualTo("string");
        assertThat(names(schema(document.at(
                                "/paths/~1api~1admin~1accounts/post/requestBody/content/application~1json/schema"))
                        .path("properties")))
                .containsExactlyInAnyOrder("id", "name", "email", "roles");
    }

    @Test
    void anImportIsAnXmlBodyOrAMultipartUploadOfFiles() {
        JsonNode imports = document.at("/paths/~1api~1imports/post");
        assertThat(names(imports.at("/requestBody/content")))
                .containsExactlyInAnyOrder("application/xml", "text/xml", "multipart/form-data");
        assertThat(imports.at("/requestBody/content/multipart~1form-data/schema/properties/file/items/format")
                        .asText())
                .isEqualTo("binary");
    }

    @Test
    void theSwaggerUiPageAnswersAnyone() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui.html"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/swagger-ui/index.html");
        assertThat(page.body()).contains("Swagger UI");
        assertThat(new Api(port)
                        .get("/v3/api-docs/swagger-config")
                        .body()
                        .path("url")
                        .asText())
                .isEqualTo("/v3/api-docs");
    }

    private JsonNode schema(JsonNode reference) {
        String ref = reference.path("$ref").asText();
        assertThat(ref).startsWith("#/components/schemas/");
        return document.at("/components/schemas/" + ref.substring("#/components/schemas/".length()));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
