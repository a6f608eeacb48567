package org.errata.account;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** Accounts: an editor's own password, and the admins' account management (no self-sign-up). */
@Path("/editor")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

  public static final String PASSWORD_PAGE = "/editor/account/password";

  @Inject Accounts accounts;
  @Inject Me me;

  /** The password form: which field is at fault and why. */
  public record PasswordForm(boolean forced, String field, String error) {
    public String errorFor(String name) {
      return name.equals(field) ? error : null;
    }
  }

  /** One account in the admins' list. */
  public record Row(
      long id,
      String username,
      boolean admin,
      boolean enabled,
      boolean mustChange,
      Instant since) {}

  /** The admins' page: the accounts, and a one-time notice (a new temporary password). */
  public record AdminView(List<Row> accounts, String notice, String error, String typedUsername) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance password(PasswordForm form);

    static native TemplateInstance accounts(AdminView view);
  }

  @GET
  @Path("account/password")
  @RolesAllowed(Account.EDITOR)
  public TemplateInstance passwordForm() {
    return Templates.password(new PasswordForm(me.account().mustChangePassword, null, null));
  }

  @POST
  @Path("account/password")
  @RolesAllowed(Account.EDITOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changePassword(
      @RestForm String current, @RestForm String password, @RestForm String confirm) {
    try {
      accounts.changeOwnPassword(me.account(), current, password, confirm);
      return Response.seeOther(URI.create("/editor")).build();
    } catch (Accounts.Refused e) {
      // Passwords are never sent back into the form.
      return Response.status(400)
          .entity(
              Templates.password(
                  new PasswordForm(me.account().mustChangePassword, e.field, e.getMessage())))
          .build();
    }
  }

  @GET
  @Path("admin/accounts")
  @RolesAllowed(Account.ADMIN)
  public TemplateInstance list() {
    return admin(null, null, null);
  }

  @POST
  @Path("admin/accounts")
  @RolesAllowed(Account.ADMIN)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@RestForm String username, @RestForm String role) {
    try {
      String password = accounts.createForSomeone(username, "admin".equals(role));
      return Response.ok(
              admin(
                  "Created "
                      + username.strip()
                      + ". Temporary password, shown only now: "
                      + password
                      + " — hand it over in person; they choose their own at first sign-in.",
                  null,
                  null))
          .build();
    } catch (Accounts.Refused e) {
      return Response.status(400).entity(admin(null, e.getMessage(), username)).build();
    }
  }

  @POST
  @Path("admin/accounts/{id}/reset")
  @RolesAllowed(Account.ADMIN)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reset(@RestPath long id) {
    try {
      String password = accounts.reset(id);
      String name = Account.<Account>findById(id).username;
      return Response.ok(
              admin(
                  "Reset "
                      + name
                      + "'s password; their sessions have ended. Temporary password, shown only"
                      + " now: "
                      + password,
                  null,
                  null))
          .build();
    } catch (Accounts.Refused e) {
      return Response.status(400).entity(admin(null, e.getMessage(), null)).build();
    }
  }

  @POST
  @Path("admin/accounts/{id}/enabled")
  @RolesAllowed(Account.ADMIN)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response enable(@RestPath long id, @RestForm String enabled) {
    try {
      accounts.setEnabled(id, "true".equals(enabled), me.account());
      return Response.seeOther(URI.create("/editor/admin/accounts")).build();
    } catch (Accounts.Refused e) {
      return Response.status(409).entity(admin(null, e.getMessage(), null)).build();
    }
  }

  @POST
  @Path("admin/accounts/{id}/role")
  @RolesAllowed(Account.ADMIN)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response role(@RestPath long id, @RestForm String role) {
    try {
      accounts.setAdmin(id, "admin".equals(role), me.account());
      return Response.seeOther(URI.create("/editor/admin/accounts")).build();
    } catch (Accounts.Refused e) {
      return Response.status(409).entity(admin(null, e.getMessage(), null)).build();
    }
  }

  private static TemplateInstance admin(String notice, String error, String typed) {
    List<Row> rows =
        Account.<Account>listAll(io.quarkus.panache.common.Sort.by("username")).stream()
            .map(
                a ->
                    new Row(
                        a.id,
                        a.username,
                        a.isAdmin(),
                        a.enabled,
                        a.mustChangePassword,
                        a.createdAt))
            .toList();
    return Templates.accounts(new AdminView(rows, notice, error, typed));
  }
}
