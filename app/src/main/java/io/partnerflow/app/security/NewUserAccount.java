package io.partnerflow.app.security;

import java.util.Set;

/** What it takes to create a user; the password is hashed before it is stored. */
public record NewUserAccount(
    String username,
    String rawPassword,
    String displayName,
    String email,
    Set<Role> roles,
    Set<String> groups) {}
