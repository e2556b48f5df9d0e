package dev.presign.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot web app whose upload endpoints come from presign-spring-boot-starter and {@link
 * UploadController}.
 */
@SpringBootApplication
public class UploadsApplication {

  /**
   * Starts the app.
   *
   * @param args Spring Boot's arguments, e.g. {@code --server.port=8080}
   */
  public static void main(String[] args) {
    SpringApplication.run(UploadsApplication.class, args);
  }
}
