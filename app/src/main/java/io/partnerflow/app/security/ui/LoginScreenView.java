package io.partnerflow.app.security.ui;

import com.vaadin.flow.component.Component;
import io.partnerflow.app.security.LoginScreen;

/** Tells the security configuration which view logs people in. */
@org.springframework.stereotype.Component
class LoginScreenView implements LoginScreen {

  @Override
  public Class<? extends Component> view() {
    return LoginView.class;
  }
}
