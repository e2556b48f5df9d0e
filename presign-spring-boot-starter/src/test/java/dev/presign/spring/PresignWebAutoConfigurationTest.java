package dev.presign.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.ProblemDetail;

/** When the starter adds its {@link PresignProblemHandler}, and when the app's own replaces it. */
class PresignWebAutoConfigurationTest {
  private final WebApplicationContextRunner web =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PresignAutoConfiguration.class, PresignWebAutoConfiguration.class));

  @Test
  void errors_onByDefaultInAWebApp() {
    web.run(context -> assertThat(context).hasSingleBean(PresignProblemHandler.class));
  }

  @Test
  void errors_switchedOff_noHandler() {
    web.withPropertyValues("presign.errors.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(PresignProblemHandler.class));
  }

  @Test
  void errors_notAWebApp_noHandler() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PresignWebAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(PresignProblemHandler.class));
  }

  @Test
  void errors_withoutSpringWebsProblemDetail_noHandler() {
    web.withClassLoader(new FilteredClassLoader(ProblemDetail.class))
        .run(
            context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(PresignProblemHandler.class));
  }

  @Test
  void errors_appsOwnHandler_replacesPresigns() {
    PresignProblemHandler own = new PresignProblemHandler();
    web.withBean("ownHandler", PresignProblemHandler.class, () -> own)
        .run(context -> assertThat(context.getBean(PresignProblemHandler.class)).isSameAs(own));
  }
}
