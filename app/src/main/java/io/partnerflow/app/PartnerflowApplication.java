package io.partnerflow.app;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.PWA;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Partnerflow: partner onboarding and enablement driven by BPMN processes. */
@SpringBootApplication
@ConfigurationPropertiesScan
@PWA(name = "Partnerflow", shortName = "Partnerflow")
public class PartnerflowApplication implements AppShellConfigurator {

  public static void main(String[] args) {
    SpringApplication.run(PartnerflowApplication.class, args);
  }
}
