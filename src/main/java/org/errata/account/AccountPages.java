package org.errata.account;

import io.quarkus.panache.common.Sort;
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
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.errata.web.Links;
import org.errata.web.Redirect;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Accounts: an editor's own password, and the admins' account management (no self-sign-up). */
@Path("/editor")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

  public static final String PASSWORD_PAGE = Links.password();
  public static final String ACCOUNT_PAGE = Links.account();

  @Inject Accounts accounts;
  @Inject ApiTokens tokens;
  @Inject Me me;

  @ConfigProperty(name = "errata.mail.enabled", defaultValue = "false")
  boolean mailEnabled;

  /**
   * An editor's own account page: the e-mail address as typed (kept after a refusal), the refusal,
   * whether this site sends e-mail at all, and whether the address was just saved.
   */
  public record AccountView(
      String username,
      boolean admin,
      String email,
      String error,
      boolean mailOn,
      boolean saved,
      Tokens tokens) {}

  /**
   * The API tokens part of the account page: the editor's tokens, one just made (shown this once),
   * and a refused new one with the name as typed.
   */
  public record Tokens(
      List<ApiToken> list,
      ApiToken made,
      String secret,
      String error,
      String typedName,
      boolean typedReadOnly,
      boolean revoked) {
    public int maxName() {
      return ApiTokens.MAX_NAME_CHARS;
    }

    public int maxTokens() {
      return ApiTokens.MAX_PER_ACCOUNT;
    }
  }

  /** The password form: which field is at fault and why. */
  public record PasswordForm(boolean forced, boolean welcome, String field, String error) {
    static PasswordForm of(Account a, String field, String error) {
      return new PasswordForm(a.mustChangePassword, a.isNew(), field, error);
    }

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
      String email,
      Instant since,
      boolean mayDisable,
      boolean mayDemote) {}

  /**
   * The admins' page: the accounts, a one-time notice (a new temporary password), and a refused new
   * account with what was typed and which field is at fault.
   */
  public record AdminView(
      List<Row> accounts,
      String notice,
      String error,
      String errorField,
      String typedUsername,
      String typedEmail) {
    public String errorFor(String name) {
      return name.equals(errorField) ? error : null;
    }
  }

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance account(AccountView view);

    static native TemplateInstance password(PasswordForm form);

    static native TemplateInstance accounts(AdminView view);
  }

  @GET
  @Path("account")
  @RolesAllowed(Account.EDITOR)
  public TemplateInstance account(@RestQuery boolean saved, @RestQuery boolean revoked) {
    return accountPage(null, null, saved, tokensPart(null, null, null, false, revoked));
  }

  private TemplateInstance accountPage(
      String email, String error, boolean saved, Tokens tokensPart) {
    Account a = me.account();
    return Templates.account(
        new AccountView(
            a.username,
            a.isAdmin(),
            error == null ? a.email : email,
            error,
            mailEnabled,
            saved,
            tokensPart));
  }

  private Tokens tokensPart(
      ApiTokens.Made made, String error, String name, boolean readOnly, boolean revoked) {
    return new Tokens(
        tokens.list(me.account().id),
        made == null ? null : made.token(),
        made == null ? null : made.secret(),
        error,
        name,
        readOnly,
        revoked);
  }

  /** A new token, shown on the answer to this request and never again (so not a redirect). */
  @POST
  @Path("account/tokens")
  @RolesAllowed(Account.EDITOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response createToken(@RestForm String name, @RestForm String readOnly) {
    boolean ro = readOnly != null;
    try {
      ApiTokens.Made made = tokens.create(me.account().id, name, ro);
      return Response.ok(accountPage(null, null, false, tokensPart(made, null, null, false, false)))
          .header("Cache-Control", "no-store")
          .build();
    } catch (ApiTokens.Refused e) {
      return Response.status(400)
          .entity(accountPage(null, null, false, tokensPart(null, e.getMessage(), name, ro, false)))
          .build();
    }
  }

  @POST
  @Path("account/tokens/{id}/revoke")
  @RolesAllowed(Account.EDITOR)
  public Response revokeToken(@RestPath long id) {
    tokens.revoke(me.account().id, id);
    return Redirect.seeOther(ACCOUNT_PAGE + "?revoked=true");
  }

  @POST
  @Path("account/email")
  @RolesAllowed(Account.EDITOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changeEmail(@RestForm String email) {
    Account a = me.account();
    try {
      accounts.setEmail(a.id, email);
      return Redirect.seeOther(ACCOUNT_PAGE + "?saved=true");
    } catch (Accounts.Refused e) {
      return Response.status(400)
          .entity(
              accountPage(email, e.getMessage(), false, tokensPart(null, null, null, false, false)))
          .build();
    }
  }

  @GET
  @Path("account/password")
  @RolesAllowed(Account.EDITOR)
  public TemplateInstance passwordForm() {
    return Templates.password(PasswordForm.of(me.account(), null, null));
  }

  @POST
  @Path("account/password")
  @RolesAllowed(Account.EDITOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response changePassword(
      @RestForm String current, @RestForm String password, @RestForm String confirm) {
    try {
      accounts.changeOwnPassword(me.account(), current, password, confirm);
      return Redirect.seeOther(Links.desk());
    } catch (Accounts.Refused e) {
      // Passwords are never sent back into the form.
      return Response.status(400)
          .entity(Templates.password(PasswordForm.of(me.account(), e.field, e.getMessage())))
          .build();
    }
  }

  @GET
  @Path("admin/accounts")
  @RolesAllowed(Account.ADMIN)
  public TemplateInstance list(
      @RestQuery Long changed, @RestQuery String now, @RestQuery String shown) {
    if (shown != null) {
      return admin(
          ShownOnce.take(me.account(), shown)
              .orElse(
                  "That temporary password was shown once and is not shown again. If it was"
                      + " lost, reset the password again."),
          null,
          null,
          null);
    }
    return admin(changeNotice(changed, now), null, null, null);
  }

  /** Answers a form post with a redirect to the list, which shows {@code text} once. */
  private Response showOnce(String text) {
    return Redirect.seeOther(Links.accounts() + "?shown=" + ShownOnce.keep(me.account(), text));
  }

  /** What a change to account {@code id} did, said on the list it returns to. */
  static String changeNotice(Long id, String now) {
    Account a = id == null ? null : Account.findById(id);
    if (a == null || now == null) {
      return null;
    }
    return switch (now) {
      case "enabled" -> "Enabled " + a.username + ": they can sign in again.";
      case "disabled" ->
          "Disabled " + a.username + ": they can no longer sign in, and their sessions have ended.";
      case "admin" -> a.username + " is now an admin.";
      case "editor" -> a.username + " is now an editor (no longer an admin).";
      default -> null;
    };
  }

  private static String changed(long id, String now) {
    return Links.accounts() + "?changed=" + id + "&now=" + now;
  }

  @POST
  @Path("admin/accounts")
  @RolesAllowed(Account.ADMIN)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response create(@RestForm String username, @RestForm String role, @RestForm String email) {
    try {
      String password =
          accounts.createForSomeone(username, "admin".equals(role), email, me.account());
      return showOnce(
          "Created "
              + username.strip()
              + ". Temporary password, shown only now: "
              + password
              + " — hand it over in person; they choose their own at first sign-in.");
    } catch (Accounts.Refused e) {
      return Response.status(400).entity(admin(null, e, username, email)).build();
    }
  }

  @POST
  @Path("admin/accounts/{id}/reset")
  @RolesAllowed(Account.ADMIN)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response reset(@RestPath long id) {
    try {
      String password = accounts.reset(id, me.account());
      String name = Account.<Account>findById(id).username;
      return showOnce(
          "Reset "
              + name
              + "'s password; their sessions have ended. Temporary password, shown only now: "
              + password);
    } catch (Accounts.Refused e) {
      return Response.status(400).entity(admin(null, e, null, null)).build();
    }
  }

  @POST
  @Path("admin/accounts/{id}/enabled")
  @RolesAllowed(Account.ADMIN)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response enable(@RestPath long id, @RestForm String enabled) {
    try {
      boolean on = "true".equals(enabled);
      accounts.setEnabled(id, on, me.account());
      return Redirect.seeOther(changed(id, on ? "enabled" : "disabled"));
    } catch (Accounts.Refused e) {
      return Response.status(409).entity(admin(null, e, null, null)).build();
    }
  }

  @POST
  @Path("admin/accounts/{id}/role")
  @RolesAllowed(Account.ADMIN)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response role(@RestPath long id, @RestForm String role) {
    try {
      boolean admin = "admin".equals(role);
      accounts.setAdmin(id, admin, me.account());
      return Redirect.seeOther(changed(id, admin ? "admin" : "editor"));
    } catch (Accounts.Refused e) {
      return Response.status(409).entity(admin(null, e, null, null)).build();
    }
  }

  private TemplateInstance admin(
      String notice, Accounts.Refused error, String typedUsername, String typedEmail) {
    List<Row> rows =
        Account.<Account>listAll(Sort.by("username")).stream()
            .map(
                a ->
                    new Row(
                        a.id,
                        a.username,
                        a.isAdmin(),
                        a.enabled,
                        a.mustChangePassword,
                        a.email,
                        a.createdAt,
                        a.disableRefusal(me.account()) == null,
                        a.demoteRefusal(me.account()) == null))
            .toList();
    return Templates.accounts(
        new AdminView(
            rows,
            notice,
            error == null ? null : error.getMessage(),
            error == null ? null : error.field,
            typedUsername,
            typedEmail));
  }
}
