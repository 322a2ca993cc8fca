package dev.recoup.platform.web;

import dev.recoup.support.RecoupIntegrationTest;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@RecoupIntegrationTest
class PageLinksTest {

    @Autowired
    ServletContext servletContext;

    @LocalServerPort
    int port;

    @Test
    void pageLinksAreWrittenWithoutAskingTheStaticResourceHandlerAboutEachOne() {
        assertThat(servletContext.getFilterRegistrations().values()).extracting(FilterRegistration::getClassName)
                .doesNotContain(ResourceUrlEncodingFilter.class.getName());
    }

    @Test
    void theChartsLibraryIsStillServedAtItsVersionLessPath() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webjars/echarts/echarts.common.min.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("echarts");
    }
}
